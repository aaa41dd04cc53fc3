-- Records a failed refresh after its transaction was rolled back. $1 is the
-- database's message.
insert into dw.mart_refresh (status, message)
values ('failed', $1::text)

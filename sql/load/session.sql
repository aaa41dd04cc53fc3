-- The loader's session, once after connecting. Staging tables are temporary: let a large one
-- stay in memory (allocated only as used; settable only before the session's first temporary
-- table).
set temp_buffers = '256MB'

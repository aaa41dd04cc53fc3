-- The refresh rewrites the definition versions it used (dw.indicator_version).
delete from dw.indicator_version

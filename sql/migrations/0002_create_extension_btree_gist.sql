-- btree_gist lets an exclusion constraint mix equality on a text column with
-- range overlap, which is how dw.dim_school forbids overlapping versions of one
-- school. It ships with PostgreSQL (contrib, part of Debian's postgresql-15 and
-- of the postgres:15 image) and is a trusted extension, so the database owner
-- may create it without superuser rights.
create extension if not exists btree_gist with schema public;

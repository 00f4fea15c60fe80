-- Raw import payloads: where the server has lz4 (PostgreSQL 14+ built --with-lz4), compress them
-- with it. Measured on the ingest bench (docs/importing.md §Performance): lz4 costs the database
-- less CPU than writing the uncompressed bytes out of line (about half), and ~7x less WAL and
-- disk; pglz (0004's reason for `external`) stays off. PGlite has no lz4: it keeps 0004's setting.
-- Values already stored keep their form; readers see the same bytes either way.
do $$
begin
  alter table import_payloads alter column payload set compression lz4;
  alter table import_payloads alter column payload set storage extended;
exception when feature_not_supported then
  null;
end $$;

-- Raw import payloads are written once and read rarely: store them out of line without pglz
-- compression, which otherwise costs the database more CPU at intake than the exam rows do
-- (docs/importing.md §Performance). Compress at rest with the file system if disk matters.
alter table import_payloads alter column payload set storage external;

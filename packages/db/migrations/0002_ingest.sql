-- Importer bookkeeping (docs/importing.md, docs/adr/0005-import-pipeline.md).

-- Every file keeps exactly one status; these columns record how it got there.
alter table imports add column properties   jsonb;                       -- URL/form parameters, source path
alter table imports add column transforms   text[] not null default '{}'; -- transform hooks applied, name@version
alter table imports add column processed_at timestamptz;                 -- when the final status was written
alter table imports add column retries      integer not null default 0;  -- re-runs after UNKNOWN_ASMT / UNKNOWN_SCHOOL
alter table imports add column retry_status text;                        -- status before the last re-run
create index imports_content_status_idx on imports (content, status, id);

-- Hash of the imported exam content: an identical re-send is NO_UPDATE without reading the children.
alter table exams add column source_hash text;

-- TRT item details kept verbatim (formats.md §3.6).
alter table exam_items add column page_number           integer;
alter table exam_items add column page_visits           integer;
alter table exam_items add column page_time             integer;
alter table exam_items add column response_content_type text;
alter table exam_items add column trait_org_status      text;
alter table exam_items add column trait_evi_status      text;
alter table exam_items add column trait_con_status      text;

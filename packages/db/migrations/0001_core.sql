-- CERS core schema. Runs unchanged on PGlite and PostgreSQL 15+.
-- Citus path (docs/adr/0003-citus-ready-schema.md): reference tables (organizations, assessments,
-- items, users, ...) stay small and replicated; student-result tables carry district_id, the
-- district of the school at exam time, and lead their primary keys with it so they can be
-- distributed by district_id and co-located.

-- ---------------------------------------------------------------- organizations
create table organizations (
  id            serial primary key,
  type          text not null check (type in ('state', 'district_group', 'district', 'school_group', 'school')),
  natural_id    text not null,                       -- CDS code (14 digits in California) or importer id
  name          text not null,
  parent_id     integer references organizations (id),
  district_id   integer references organizations (id), -- the district itself, or a school's district
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create unique index organizations_natural_id_key on organizations (type, lower(natural_id));
create index organizations_parent_idx on organizations (parent_id);
create index organizations_district_idx on organizations (district_id);
create index organizations_name_idx on organizations (lower(name));

-- ---------------------------------------------------------------- reference codes
create table subjects (
  code          text primary key,                    -- ELA, Math, Science, Spanish, ELPAC
  name          text not null,
  definition    jsonb,                               -- subject XML (claims, traits, levels) when imported
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create unique index subjects_code_lower_key on subjects (lower(code));

create table accommodations (
  code          text primary key,
  school_year   integer,
  labels        jsonb not null default '{}'::jsonb   -- {"eng": "American Sign Language", "spa": ...}
);

-- ---------------------------------------------------------------- assessments
-- Level names, colours and cut scores are data (per assessment and year), not code.
create table assessments (
  id                 serial primary key,
  natural_id         text not null,                  -- TRT Test@name
  family             text not null check (family in ('SBAC', 'CAST', 'CAA', 'CSA', 'ELPAC', 'AELPAC', 'OTHER')),
  subject            text not null references subjects (code),
  type               text not null check (type in ('sum', 'ica', 'iab', 'fiab', 'ia')),
  grade              text not null,                  -- KG, 01..12
  school_year        integer not null,               -- ending year: 2025 = 2024-25
  name               text not null,
  label              text not null,
  version            text,
  min_score          double precision,
  max_score          double precision,
  cut_scores         double precision[] not null default '{}', -- lower bounds of levels 2..n
  standard_cut_level smallint,                       -- first level that meets the standard (3 for SB)
  levels             jsonb not null default '[]'::jsonb, -- [{level, name, shortName, color}]
  has_claims         boolean not null default false, -- the year rule of what the exam carries
  has_composites     boolean not null default false,
  has_domains        boolean not null default false,
  has_targets        boolean not null default false,
  has_traits         boolean not null default false,
  has_items          boolean not null default false,
  measure_kind       text check (measure_kind in ('lexile', 'quantile')),
  import_id          integer,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create unique index assessments_natural_id_key on assessments (lower(natural_id));
create index assessments_year_idx on assessments (school_year, subject, type, grade);

-- Sub-scores an assessment reports: claims, composite claims, domains, alt (composite) scales.
create table assessment_scores (
  assessment_id  integer not null references assessments (id) on delete cascade,
  code           text not null,                      -- SOCK_R, 2-W, 1, SOCK_2, ELPAC 1/2, 1-L, LS, PS ...
  kind           text not null check (kind in ('claim', 'composite', 'domain', 'alt')),
  name           text not null,
  display_order  smallint not null default 0,
  min_score      double precision,
  max_score      double precision,
  cut_scores     double precision[] not null default '{}',
  levels         jsonb not null default '[]'::jsonb,
  primary key (assessment_id, code)
);

create table targets (
  id           serial primary key,
  subject      text not null references subjects (code),
  claim_code   text not null,                        -- organizational claim: 1-LT, 2-W, 1, 3 ...
  natural_id   text not null,                        -- 4-3, OA|A-1 ...
  name         text not null,
  description  text
);
create unique index targets_key on targets (subject, claim_code, natural_id);

create table assessment_targets (
  assessment_id      integer not null references assessments (id) on delete cascade,
  target_id          integer not null references targets (id),
  included_in_report boolean not null default true,
  primary key (assessment_id, target_id)
);

create table items (
  id               serial primary key,
  assessment_id    integer not null references assessments (id) on delete cascade,
  natural_id       text not null,                    -- bankKey-itemKey, e.g. 200-16283
  bank_key         text not null,
  item_key         text not null,
  position         integer,
  format           text,                             -- MC, MS, EBSR, TI, EQ, WER, SA ...
  claim_code       text,
  target_id        integer references targets (id),
  standard         text,                             -- Common Core standard code(s)
  dok              smallint,                         -- depth of knowledge 1..4
  max_points       smallint not null default 1,
  difficulty       double precision,                 -- IRT avg b
  answer_key       text,                             -- "B" or "A,C"
  option_count     smallint,
  options          jsonb,                            -- [{"key":"A","text":"..."}]
  stem             text,                             -- item content for the Item Viewer
  rubric           jsonb,                            -- [{"points":2,"text":"..."}]
  exemplar         text,
  writing_purpose  text,                             -- ARGU, EXPL, INFO, NARR, OPIN (WER items)
  math_practice    text,
  allow_calculator boolean,
  field_test       boolean not null default false
);
create unique index items_natural_key on items (assessment_id, natural_id);

-- ---------------------------------------------------------------- students
-- Students move between districts, so the student row is a reference row; everything
-- measured at exam time (demographics included) lives on the exam.
create table students (
  id                   serial primary key,
  ssid                 text not null,
  first_name           text,
  middle_name          text,
  last_name            text,
  alias_name           text,
  birthday             date,
  gender               text,
  first_entry_date     date,
  lep_entry_date       date,
  lep_exit_date        date,
  inferred_school_id   integer references organizations (id), -- current school
  inferred_district_id integer references organizations (id),
  latest_info_update   timestamptz,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);
create unique index students_ssid_key on students (ssid);
create index students_school_idx on students (inferred_school_id);
create index students_district_idx on students (inferred_district_id);
create index students_name_idx on students (lower(last_name), lower(first_name));

-- ---------------------------------------------------------------- exams (distributed by district_id)
create table exams (
  id                        serial,
  district_id               integer not null,       -- district of the school at exam time
  school_id                 integer not null,
  student_id                integer not null,
  assessment_id             integer not null,
  school_year               integer not null,
  opportunity_id            text not null,          -- TRT oppId; (assessment, oppId) is the exam key
  opportunity               integer,
  session_id                text,
  status                    text,                   -- TRT status (scored, completed, appeal ...)
  status_date               timestamptz,
  started_at                timestamptz,
  completed_at              timestamptz not null,
  force_submitted_at        timestamptz,
  completeness              text check (completeness in ('Complete', 'Partial')),
  administration_condition  text check (administration_condition in ('Valid', 'SD', 'NS', 'IN')),
  scale_score               double precision,
  scale_score_sem           double precision,
  theta_score               double precision,
  theta_sem                 double precision,
  achievement_level         smallint,
  lexile                    integer,
  quantile                  integer,
  -- student attributes as of this exam (domain.md: Students and demographics)
  enrolled_grade            text,
  gender                    text,
  ethnicities               text[] not null default '{}',
  elas                      text,
  elas_start_date           date,
  lep                       boolean,
  iep                       boolean,
  section504                boolean,
  economic_disadvantage     boolean,
  migrant                   boolean,
  military_connected        text,
  language_code             text,
  primary_disability        text,
  english_proficiency_level text,
  title3_program            text,
  accommodations            text[] not null default '{}',
  extras                    jsonb,                  -- TRT fields kept verbatim (testReason, taId ...)
  import_id                 integer,
  created_at                timestamptz not null default now(),
  updated_at                timestamptz not null default now(),
  primary key (district_id, id),
  foreign key (student_id) references students (id),
  foreign key (assessment_id) references assessments (id),
  foreign key (school_id) references organizations (id)
);
create index exams_id_idx on exams (id);
create index exams_key_idx on exams (assessment_id, opportunity_id);
create index exams_student_idx on exams (student_id, assessment_id);
create index exams_school_asmt_idx on exams (school_id, assessment_id, school_year);
create index exams_asmt_year_idx on exams (assessment_id, school_year);

-- claim / composite / domain / alt sub-scores
create table exam_scores (
  district_id  integer not null,
  exam_id      integer not null,
  code         text not null,
  kind         text not null check (kind in ('claim', 'composite', 'domain', 'alt')),
  scale_score  double precision,
  sem          double precision,
  level        smallint,
  primary key (district_id, exam_id, code),
  foreign key (district_id, exam_id) references exams (district_id, id) on delete cascade
);

create table exam_target_scores (
  district_id                    integer not null,
  exam_id                        integer not null,
  target_id                      integer not null,
  student_relative_residual      double precision,
  standard_met_relative_residual double precision,
  primary key (district_id, exam_id, target_id),
  foreign key (district_id, exam_id) references exams (district_id, id) on delete cascade
);

create table exam_trait_scores (
  district_id     integer not null,
  exam_id         integer not null,
  purpose         text not null,                    -- ARGU, EXPL, INFO, NARR, OPIN
  category        text not null check (category in ('ORG', 'EVI', 'CON')),
  score           smallint,
  max_score       smallint not null,
  condition_code  text,
  primary key (district_id, exam_id, purpose, category),
  foreign key (district_id, exam_id) references exams (district_id, id) on delete cascade
);

create table exam_items (
  district_id        integer not null,
  exam_id            integer not null,
  item_id            integer not null,
  position           integer,
  score              double precision,              -- points earned; null = not scored
  score_status       text,
  response           text,
  response_type      text,
  administered_at    timestamptz,
  submitted_at       timestamptz,
  submitted          boolean,
  number_visits      integer,
  response_duration  double precision,
  trait_org_score    smallint,
  trait_evi_score    smallint,
  trait_con_score    smallint,
  primary key (district_id, exam_id, item_id),
  foreign key (district_id, exam_id) references exams (district_id, id) on delete cascade
);
create index exam_items_item_idx on exam_items (item_id);

-- ---------------------------------------------------------------- users and access
create table users (
  id               serial primary key,
  login            text not null,                  -- email
  display_name     text not null,
  first_name       text,
  last_name        text,
  password_hash    text,
  oidc_issuer      text,
  oidc_subject     text,
  is_sandbox       boolean not null default false,
  disabled         boolean not null default false,
  failed_logins    integer not null default 0,
  locked_until     timestamptz,
  last_login_at    timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create unique index users_login_key on users (lower(login));
create unique index users_oidc_key on users (oidc_issuer, oidc_subject) where oidc_subject is not null;

-- TOMS roles granted at one organization (state, district or school).
create table user_roles (
  id               serial primary key,
  user_id          integer not null references users (id) on delete cascade,
  role             text not null,
  organization_id  integer not null references organizations (id),
  created_at       timestamptz not null default now()
);
create unique index user_roles_key on user_roles (user_id, role, organization_id);

create table sessions (
  id             text primary key,                 -- sha256 of the cookie token
  user_id        integer not null references users (id) on delete cascade,
  csrf_token     text not null,
  created_at     timestamptz not null default now(),
  last_seen_at   timestamptz not null default now(),
  expires_at     timestamptz not null,
  ip             text,
  user_agent     text
);
create index sessions_user_idx on sessions (user_id);

create table password_reset_tokens (
  token_hash   text primary key,
  user_id      integer not null references users (id) on delete cascade,
  created_by   integer references users (id),
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  used_at      timestamptz
);

create table login_attempts (
  id          serial primary key,
  login       text not null,
  ip          text,
  succeeded   boolean not null,
  at          timestamptz not null default now()
);
create index login_attempts_login_idx on login_attempts (lower(login), at);

-- ---------------------------------------------------------------- groups
-- Assigned groups: uploaded or managed by administrators, keyed by (school, year, name).
create table student_groups (
  id           serial primary key,
  district_id  integer not null references organizations (id),
  school_id    integer not null references organizations (id),
  school_year  integer not null,
  name         text not null,
  subjects     text[],                              -- null = all subjects
  import_id    integer,
  created_by   integer references users (id),
  deleted_at   timestamptz,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create unique index student_groups_key on student_groups (school_id, school_year, lower(name));

create table student_group_members (
  district_id  integer not null,
  group_id     integer not null references student_groups (id) on delete cascade,
  student_id   integer not null references students (id),
  primary key (district_id, group_id, student_id)
);
create index student_group_members_student_idx on student_group_members (student_id);
create index student_group_members_group_idx on student_group_members (group_id);

create table student_group_teachers (
  group_id   integer not null references student_groups (id) on delete cascade,
  user_id    integer not null references users (id) on delete cascade,
  primary key (group_id, user_id)
);
create index student_group_teachers_user_idx on student_group_teachers (user_id);

-- My Groups: made by one user from students the user may see. They never widen access.
create table user_groups (
  id          serial primary key,
  user_id     integer not null references users (id) on delete cascade,
  name        text not null,
  subjects    text[],                               -- null = all subjects
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create unique index user_groups_key on user_groups (user_id, lower(name));

create table user_group_members (
  user_group_id  integer not null references user_groups (id) on delete cascade,
  student_id     integer not null references students (id),
  primary key (user_group_id, student_id)
);

-- ---------------------------------------------------------------- imports
create table imports (
  id            serial primary key,
  content       text not null check (content in ('EXAM', 'PACKAGE', 'CODES', 'ORGANIZATION', 'GROUPS', 'EMBARGO', 'NORMS', 'SUBJECT', 'STUDENTS')),
  content_type  text,
  digest        text not null,                      -- MD5 of the raw bytes, upper-case hex
  filename      text,
  batch         text,
  status        text not null check (status in ('ACCEPTED', 'PROCESSED', 'NO_UPDATE', 'BAD_FORMAT', 'BAD_DATA',
                  'UNKNOWN_ASMT', 'UNKNOWN_SCHOOL', 'UNKNOWN_STUDENT', 'INVALID', 'UNAUTHORIZED', 'FAILED', 'PIPELINE_FAILURE')),
  message       text,
  warnings      jsonb,
  attempts      integer not null default 0,
  payload_size  integer not null default 0,
  creator_id    integer references users (id),
  creator       text,
  exam_id       integer,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create unique index imports_digest_key on imports (content, digest);
create index imports_status_idx on imports (status, created_at);
create index imports_created_idx on imports (created_at);

create table import_payloads (
  import_id  integer primary key references imports (id) on delete cascade,
  payload    bytea not null
);

-- ---------------------------------------------------------------- embargo
-- Summative results per (year, district, subject, report type): loading -> reviewing -> released.
-- No row means loading for the current year (see domain embargo rules).
create table embargoes (
  school_year   integer not null,
  district_id   integer not null references organizations (id),
  subject       text not null,
  report_type   text not null check (report_type in ('individual', 'aggregate')),
  status        text not null check (status in ('loading', 'reviewing', 'released')),
  updated_by    integer references users (id),
  updated_at    timestamptz not null default now(),
  primary key (school_year, district_id, subject, report_type)
);

create table state_embargoes (
  school_year   integer not null,
  subject       text not null,
  report_type   text not null check (report_type in ('individual', 'aggregate')),
  status        text not null check (status in ('loading', 'reviewing', 'released')),
  updated_by    integer references users (id),
  updated_at    timestamptz not null default now(),
  primary key (school_year, subject, report_type)
);

create table embargo_audit (
  id            serial primary key,
  school_year   integer not null,
  district_id   integer,
  subject       text not null,
  report_type   text not null,
  old_status    text,
  new_status    text not null,
  user_id       integer references users (id),
  at            timestamptz not null default now()
);

-- ---------------------------------------------------------------- audit of student reads
create table audit_log (
  id           serial,
  district_id  integer not null default 0,         -- student's current district (0 = none)
  occurred_at  timestamptz not null default now(),
  user_id      integer,
  user_login   text,
  action       text not null,                      -- read-student, read-group-results, export ...
  student_id   integer,
  view         text,
  ip           text,
  detail       jsonb,
  primary key (district_id, id)
);
create index audit_log_time_idx on audit_log (district_id, occurred_at);

-- ---------------------------------------------------------------- instructional resources
create table instructional_resources (
  id                 serial primary key,
  organization_id    integer not null references organizations (id),
  assessment_name    text,                          -- assessment natural name (all years) or null = any
  subject            text,
  assessment_type    text,
  target_id          integer references targets (id),
  claim_code         text,
  performance_level  smallint,                      -- null = every level
  kind               text not null default 'district' check (kind in ('district', 'tools_for_teachers')),
  title              text not null,
  url                text not null check (url ~* '^https?://'),
  created_by         integer references users (id),
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index instructional_resources_org_idx on instructional_resources (organization_id);

-- ---------------------------------------------------------------- reports (jobs) and their files
create table reports (
  id            serial primary key,
  user_id       integer not null references users (id) on delete cascade,
  kind          text not null,                      -- isr, group-csv, aggregate, export
  name          text not null,
  params        jsonb not null,
  status        text not null check (status in ('pending', 'running', 'completed', 'failed', 'no_results', 'expired')),
  progress      integer not null default 0,
  total         integer not null default 0,
  message       text,
  job_id        text,
  content_type  text,
  filename      text,
  size_bytes    integer,
  created_at    timestamptz not null default now(),
  started_at    timestamptz,
  completed_at  timestamptz,
  expires_at    timestamptz
);
create index reports_user_idx on reports (user_id, created_at);

create table report_files (
  report_id  integer primary key references reports (id) on delete cascade,
  content    bytea not null
);

-- ---------------------------------------------------------------- norms (percentile tables)
create table percentile_tables (
  id                  serial primary key,
  assessment_id       integer not null references assessments (id) on delete cascade,
  start_date          date not null,
  end_date            date not null,
  count               integer not null,
  mean                double precision not null,
  standard_deviation  double precision,
  min_score           double precision not null,
  max_score           double precision not null,
  import_id           integer
);
create unique index percentile_tables_key on percentile_tables (assessment_id, start_date, end_date);

create table percentile_ranks (
  percentile_table_id integer not null references percentile_tables (id) on delete cascade,
  rank                integer not null,
  score               double precision not null,
  min_inclusive       double precision not null,
  max_exclusive       double precision not null,
  primary key (percentile_table_id, rank)
);

-- ---------------------------------------------------------------- settings
create table settings (
  key    text primary key,
  value  jsonb not null
);

-- Sign-in, sessions and audit (issue #4, docs/access.md).

-- OIDC single sign-on: one row per authorization request between /api/auth/oidc/login and the
-- callback. The state is bound to the browser by a cookie; only its hash is stored. The PKCE
-- verifier and nonce never leave the server.
create table oidc_requests (
  state_hash     text primary key,
  code_verifier  text not null,
  nonce          text not null,
  return_to      text,
  created_at     timestamptz not null default now(),
  expires_at     timestamptz not null
);
create index oidc_requests_expires_idx on oidc_requests (expires_at);

-- Lockout looks at recent failures of one login; expired sessions are swept by time.
create index login_attempts_at_idx on login_attempts (at);
create index sessions_expires_idx on sessions (expires_at);
create index password_reset_tokens_user_idx on password_reset_tokens (user_id);

-- Audit viewer filters (district first: the Citus distribution key).
create index audit_log_student_idx on audit_log (district_id, student_id, occurred_at);
create index audit_log_user_idx on audit_log (district_id, user_id, occurred_at);

-- Absolute session lifetime starts at sign-in; how the session was opened (password, oidc, sandbox).
alter table sessions add column method text not null default 'password'
  check (method in ('password', 'oidc', 'sandbox'));

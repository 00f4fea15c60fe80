#!/usr/bin/env bash
# Regenerates src/schema.ts from a migrated PostgreSQL (default: the local test server).
# Needs kysely-codegen (npx downloads it). DATE columns are strings in CERS (see connect.ts).
set -euo pipefail
url=${1:-postgres://postgres@127.0.0.1:5432/test}
out=$(dirname "$0")/../src/schema.ts
npx -y kysely-codegen@0.17.0 --dialect postgres --url "$url" --camel-case --out-file "$out"
sed -i -E 's/^(  (birthday|firstEntryDate|lepEntryDate|lepExitDate|elasStartDate|startDate|endDate)): Timestamp/\1: DateString/; s/^export type Timestamp = /export type DateString = string;\n\nexport type Timestamp = /; s/^export interface DB \{/export interface Database {/' "$out"

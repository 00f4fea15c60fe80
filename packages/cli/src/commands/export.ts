import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CersDb, findPrincipal, recordAudit } from '@cers/db';
import { parseSchoolYear } from '@cers/domain';
import {
  type ExamExportFilters,
  type ExamExportRow,
  type ExamExportScope,
  type ExportFormat,
  exportScopeOf,
  formatExamExport,
  OPERATOR_EXPORT_SCOPE,
  streamExamExport,
} from '@cers/reports';
import { Command, InvalidArgumentError, Option } from 'commander';
import { sql } from 'kysely';
import { fail, withDb } from '../context.js';

type ExamsOptions = {
  ssid?: string;
  school?: string;
  district?: string;
  year?: number;
  assessment?: string;
  format: ExportFormat;
  as?: string;
  output?: string;
};

function parseYear(value: string): number {
  const year = parseSchoolYear(value);
  if (year === undefined) throw new InvalidArgumentError('use an ending year (2025) or a range (2024-25)');
  return year;
}

function parseSsid(value: string): string {
  if (!/^[A-Za-z0-9-]{1,65}$/.test(value)) throw new InvalidArgumentError('an SSID is letters and digits (10 digits in California)');
  return value;
}

type Who = { scope: ExamExportScope; user: { id: number; login: string } | null };

async function resolveScope(cers: CersDb, login: string | undefined): Promise<Who> {
  if (login === undefined) return { scope: OPERATOR_EXPORT_SCOPE, user: null };
  const user = await cers.db
    .selectFrom('users')
    .select(['id', 'login'])
    .where(sql`lower(login)`, '=', login.toLowerCase())
    .executeTakeFirst();
  const principal = user ? await findPrincipal(cers.db, user.id) : undefined;
  if (!user || !principal) fail(`No active user with login "${login}".`);
  return { scope: exportScopeOf(principal), user };
}

type Audit = { cers: CersDb; user: { id: number; login: string }; filters: ExamExportFilters };

/** Audits the students read, in chunks as rows stream (constant memory), one row per student per chunk. */
async function auditStudents(audit: Audit, ssids: Set<string>, total: number): Promise<void> {
  if (ssids.size === 0) return;
  const ids = await audit.cers.db
    .selectFrom('students')
    .select('id')
    .where('ssid', 'in', [...ssids])
    .execute();
  await recordAudit(audit.cers.db, {
    userId: audit.user.id,
    userLogin: audit.user.login,
    action: 'export',
    view: 'cli:export-exams',
    studentIds: ids.map((r) => r.id),
    detail: { filters: audit.filters, rowsSoFar: total },
  });
  ssids.clear();
}

const AUDIT_CHUNK = 5_000;

async function* counted(rows: AsyncIterable<ExamExportRow>, counter: { n: number }, audit: Audit | null): AsyncGenerator<ExamExportRow> {
  const pending = new Set<string>();
  for await (const row of rows) {
    counter.n++;
    if (audit) {
      pending.add(row.student_ssid);
      // PGlite has one connection, held by the streaming query until it ends: flush at the end there.
      if (pending.size >= AUDIT_CHUNK && audit.cers.kind === 'postgres') await auditStudents(audit, pending, counter.n);
    }
    yield row;
  }
  if (audit) await auditStudents(audit, pending, counter.n);
}

function examsCommand(): Command {
  return new Command('exams')
    .description('one row per exam: student, assessment, school, date, scale score, level and sub-scores')
    .option('--ssid <ssid>', 'one student', parseSsid)
    .option('--school <id>', 'exams taken at a school (natural id / CDS code)')
    .option('--district <id>', 'exams taken in a district (natural id / CDS code)')
    .option('--year <year>', 'school year: 2025 or 2024-25', parseYear)
    .option('--assessment <id>', 'one assessment (natural id)')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .option('--as <login>', "apply this user's permissions and embargo visibility (as the web app does)")
    .option('--output <file>', 'write to a file instead of standard output')
    .action(async (options: ExamsOptions) => {
      await withDb(async (cers) => {
        const who = await resolveScope(cers, options.as);
        const filters: ExamExportFilters = {};
        if (options.ssid !== undefined) filters.ssid = options.ssid;
        if (options.school !== undefined) filters.school = options.school;
        if (options.district !== undefined) filters.district = options.district;
        if (options.year !== undefined) filters.schoolYear = options.year;
        if (options.assessment !== undefined) filters.assessment = options.assessment;
        const counter = { n: 0 };
        // Reads as a user are audited per student (domain.md §Access); operator exports are not reads by a user.
        const audit = who.user ? { cers, user: who.user, filters } : null;
        const rows = counted(streamExamExport(cers, { filters, scope: who.scope }), counter, audit);
        const text = Readable.from(formatExamExport(rows, options.format));
        if (options.output) await pipeline(text, createWriteStream(options.output));
        else await pipeline(text, process.stdout, { end: false });
        process.stderr.write(`${counter.n} exam${counter.n === 1 ? '' : 's'} exported\n`);
      });
    });
}

export function exportCommand(): Command {
  return new Command('export').description('export data (streams; constant memory on PostgreSQL)').addCommand(examsCommand());
}

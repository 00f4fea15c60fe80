/** Instructional resources so the "District Resources" and "Tools for Teachers" buttons have content. */
import { type BulkColumn, bulkInsert, type CersDb } from '@cers/db';
import type { AssessmentSpec } from '../catalog/assessments.js';
import type { Counts } from './counts.js';

type Row = {
  organizationId: number;
  assessmentName: string;
  subject: string;
  assessmentType: string;
  performanceLevel: number | null;
  kind: 'district' | 'tools_for_teachers';
  title: string;
  url: string;
};

const COLUMNS: readonly BulkColumn<Row>[] = [
  ['organization_id', 'int', (r) => r.organizationId],
  ['assessment_name', 'text', (r) => r.assessmentName],
  ['subject', 'text', (r) => r.subject],
  ['assessment_type', 'text', (r) => r.assessmentType],
  ['performance_level', 'smallint', (r) => r.performanceLevel],
  ['kind', 'text', (r) => r.kind],
  ['title', 'text', (r) => r.title],
  ['url', 'text', (r) => r.url],
];

const LEVEL_WORDS: Record<number, string> = { 1: 'Below Standard', 2: 'Near Standard', 3: 'Above Standard' };

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * One Tools for Teachers playlist link per interim block (statewide), and district lesson links
 * for the blocks of a few grades, one per reporting category.
 */
export async function writeResources(
  db: CersDb['db'],
  o: {
    stateId: number;
    districtId: number;
    districtSlug: string;
    assessments: readonly AssessmentSpec[];
    districtGrades: readonly number[];
  },
  counts: Counts,
): Promise<void> {
  const blocks = new Map<string, AssessmentSpec>();
  for (const a of o.assessments) if ((a.type === 'iab' || a.type === 'fiab') && !blocks.has(a.name)) blocks.set(a.name, a);
  const rows: Row[] = [];
  for (const a of blocks.values()) {
    const block = a.block?.name ?? a.label;
    const grade = a.grade === 11 ? 'high-school' : `grade-${a.grade}`;
    rows.push({
      organizationId: o.stateId,
      assessmentName: a.name,
      subject: a.subject,
      assessmentType: a.type,
      performanceLevel: null,
      kind: 'tools_for_teachers',
      title: `Tools for Teachers: ${block} Connections Playlist (${a.grade === 11 ? 'High School' : `Grade ${a.grade}`})`,
      url: `https://toolsforteachers.smarterbalanced.org/connections-playlist/${slug(a.subject)}/${grade}/${slug(block)}`,
    });
    if (!o.districtGrades.includes(a.grade)) continue;
    for (const level of [1, 2, 3]) {
      rows.push({
        organizationId: o.districtId,
        assessmentName: a.name,
        subject: a.subject,
        assessmentType: a.type,
        performanceLevel: level,
        kind: 'district',
        title: `${block}: ${LEVEL_WORDS[level]} lessons`,
        url: `https://curriculum.${o.districtSlug}.example.org/${grade}/${slug(a.subject)}/${slug(block)}?level=${level}`,
      });
    }
  }
  await bulkInsert(db, 'instructional_resources', COLUMNS, rows);
  counts.add('instructional_resources', rows.length);
}

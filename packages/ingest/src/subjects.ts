import type { Database } from '@cers/db';
import { type Kysely, sql } from 'kysely';
import type { ProcessContext } from './processors.js';
import { ErrorCollector, type Outcome } from './statuses.js';
import type { AssessmentTypeJson, ClaimJson, ScorableJson, ScoringJson, SubjectDefinition, TraitJson } from './subject-definition.js';
import { child, children, childText, parseXmlTree, type XmlElement, XmlFormatError } from './xml-tree.js';

const bool = (v: string | undefined, dflt: boolean) => (v === undefined ? dflt : v.trim() === 'true' || v.trim() === '1');
const int = (v: string | undefined): number | null =>
  v === undefined || v.trim() === '' || !/^-?\d+$/.test(v.trim()) ? null : Number(v.trim());

function scoring(el: XmlElement | undefined, where: string, errors: ErrorCollector): ScoringJson | null {
  if (!el) return null;
  const pl = child(el, 'PerformanceLevels');
  const levels = children(pl, 'PerformanceLevel').map((l) => ({
    level: int(l.attrs.level) ?? 0,
    name: l.attrs.name ?? '',
    shortName: l.attrs.shortName ?? l.attrs.name ?? '',
    ...(l.attrs.suffix ? { suffix: l.attrs.suffix } : {}),
    color: l.attrs.color ?? '',
  }));
  levels.forEach((l, i) => {
    if (l.level !== i + 1 || l.level > 6)
      errors.add(`${where} PerformanceLevel`, String(l.level), 'levels must be numbered 1..n (at most 6) in order');
    if (l.name.trim() === '') errors.add(`${where} PerformanceLevel name`, undefined, 'value may not be blank');
  });
  if (levels.length === 0) errors.add(`${where} PerformanceLevels`, undefined, 'at least one performance level is required');
  const standardCutoff = int(pl?.attrs.standardCutoff);
  if (standardCutoff !== null && (standardCutoff < 1 || standardCutoff > levels.length)) {
    errors.add(`${where} standardCutoff`, String(standardCutoff), `must be a level between 1 and ${levels.length}`);
  }
  const minScore = int(el.attrs.minScore);
  const maxScore = int(el.attrs.maxScore);
  if (minScore !== null && maxScore !== null && minScore > maxScore)
    errors.add(`${where} minScore`, String(minScore), 'minScore is greater than maxScore');
  return { name: el.attrs.name ?? '', minScore, maxScore, standardCutoff, levels };
}

function scorables(list: XmlElement[], what: string, errors: ErrorCollector): ScorableJson[] {
  const out = list.map((el, i) => ({
    code: (el.attrs.code ?? '').trim(),
    name: el.attrs.name ?? '',
    dataOrder: int(el.attrs.dataOrder) ?? i + 1,
    displayOrder: int(el.attrs.displayOrder) ?? i + 1,
  }));
  const seen = new Set<number>();
  for (const s of out) {
    if (s.code === '' || s.code.length > 10) errors.add(`${what} code`, s.code, 'code must be 1 to 10 characters');
    if (seen.has(s.dataOrder)) errors.add(`${what} ${s.code} dataOrder`, String(s.dataOrder), 'duplicate data order');
    seen.add(s.dataOrder);
  }
  return out;
}

/** Reads a subject XML (formats.md §5) into its JSON definition; problems are collected. */
export function readSubject(bytes: Uint8Array, errors: ErrorCollector): SubjectDefinition {
  const root = parseXmlTree(bytes);
  if (root.name !== 'Subject') throw new XmlFormatError(`the root element must be <Subject>, not <${root.name}>`);
  const code = (root.attrs.code ?? '').trim();
  if (code === '' || code.length > 10) errors.add('Subject code', code, 'code must be 1 to 10 characters');
  if (!root.attrs.name) errors.add('Subject name', undefined, 'value may not be blank');
  const assessmentTypes: AssessmentTypeJson[] = children(child(root, 'AssessmentTypes'), 'AssessmentType').map((t) => {
    const typeCode = (t.attrs.code ?? '').trim() as AssessmentTypeJson['code'];
    if (!['iab', 'ica', 'sum'].includes(typeCode)) errors.add('AssessmentType code', typeCode, 'must be one of iab, ica, sum');
    const overall = scoring(child(t, 'OverallScoring'), `${typeCode} OverallScoring`, errors);
    if (!overall) errors.add(`${typeCode} OverallScoring`, undefined, 'OverallScoring is required');
    return {
      code: typeCode,
      name: t.attrs.name ?? typeCode,
      longName: t.attrs.longName ?? null,
      targetReport: bool(t.attrs.targetReport, false),
      printedReport: bool(t.attrs.printedReport, true),
      traitReport: bool(t.attrs.traitReport, false),
      overall: overall ?? { name: 'Overall', minScore: null, maxScore: null, standardCutoff: null, levels: [] },
      alt: scoring(child(t, 'AltScoring'), `${typeCode} AltScoring`, errors),
      claim: scoring(child(t, 'ClaimScoring'), `${typeCode} ClaimScoring`, errors),
    };
  });
  if (assessmentTypes.length === 0) errors.add('AssessmentTypes', undefined, 'at least one assessment type is required');
  const altScores = scorables(children(child(root, 'AltScores'), 'AltScore'), 'AltScore', errors);
  const claimEls = children(child(root, 'Claims'), 'Claim');
  const claimBase = scorables(claimEls, 'Claim', errors);
  const claims: ClaimJson[] = claimEls.map((el, i) => ({
    ...(claimBase[i] as ScorableJson),
    scorable: bool(el.attrs.scorable, true),
    organizational: bool(el.attrs.organizational, true),
    targets: children(child(el, 'Targets'), 'Target').map((t) => ({
      code: (t.attrs.code ?? '').trim(),
      name: t.attrs.name ?? '',
      description: childText(t, 'Description') || null,
    })),
  }));
  if (claims.filter((c) => c.scorable).length > 6) errors.add('Claims', undefined, 'at most 6 scorable claims');
  const traits: TraitJson[] = children(child(root, 'Traits'), 'Trait').map((t) => ({
    code: (t.attrs.code ?? '').trim(),
    purpose: (t.attrs.purpose ?? '').trim(),
    category: (t.attrs.category ?? '').trim(),
    maxScore: int(t.attrs.maxScore) ?? 0,
  }));
  for (const t of traits) {
    if (t.purpose.length === 0 || t.purpose.length > 10) errors.add(`Trait ${t.code} purpose`, t.purpose, 'must be 1 to 10 characters');
    if (t.category.length === 0 || t.category.length > 10) errors.add(`Trait ${t.code} category`, t.category, 'must be 1 to 10 characters');
  }
  const messages: Record<string, string> = {};
  for (const m of children(child(root, 'Messages'), 'Message')) if (m.attrs.key) messages[m.attrs.key] = m.text.trim();
  return {
    code,
    name: root.attrs.name ?? code,
    assessmentTypes,
    altScores,
    claims,
    traits,
    depthsOfKnowledge: children(child(root, 'DepthsOfKnowledge'), 'DepthOfKnowledge').map((d) => ({
      level: int(d.attrs.level) ?? 0,
      name: d.attrs.name ?? '',
    })),
    standards: children(child(root, 'Standards'), 'Standard').map((s) => (s.attrs.code ?? '').trim()),
    messages,
  };
}

/**
 * SUBJECT: stores the definition on subjects (case-insensitive code match) and the organizational
 * claims' targets. Any read or validation problem is BAD_FORMAT (formats.md §1.2, §5).
 */
export async function importSubject(db: Kysely<Database>, bytes: Buffer, _ctx: ProcessContext): Promise<Outcome> {
  const errors = new ErrorCollector();
  let def: SubjectDefinition;
  try {
    def = readSubject(bytes, errors);
  } catch (error) {
    if (error instanceof XmlFormatError) return { status: 'BAD_FORMAT', message: `Unable to read Subject resource: ${error.message}` };
    throw error;
  }
  if (!errors.ok) return { status: 'BAD_FORMAT', message: errors.toJson() };
  const existing = await db.selectFrom('subjects').select('code').where(sql`lower(code)`, '=', def.code.toLowerCase()).executeTakeFirst();
  const code = existing?.code ?? def.code;
  if (existing) {
    await db
      .updateTable('subjects')
      .set({ name: def.name, definition: JSON.stringify(def), updatedAt: new Date() })
      .where('code', '=', code)
      .execute();
  } else {
    await db
      .insertInto('subjects')
      .values({ code, name: def.name, definition: JSON.stringify(def) })
      .execute();
  }
  const targets = def.claims.filter((c) => c.organizational).flatMap((c) => c.targets.map((t) => ({ claim: c.code, ...t })));
  if (targets.length > 0) {
    await sql`insert into targets (subject, claim_code, natural_id, name, description)
      select ${code}, c, n, nm, d from unnest(${targets.map((t) => t.claim)}::text[], ${targets.map((t) => t.code)}::text[],
        ${targets.map((t) => t.name)}::text[], ${targets.map((t) => t.description)}::text[]) as x(c, n, nm, d)
      on conflict (subject, claim_code, natural_id) do update set name = excluded.name, description = excluded.description`.execute(db);
  }
  return { status: 'PROCESSED', message: `Subject ${def.name} (${code}) processed` };
}

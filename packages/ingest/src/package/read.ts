import { type AssessmentType, normalizeGrade, purposeFromWritingType } from '@cers/domain';
import { type CsvRow, readCsv } from '../csv.js';
import type { ErrorCollector } from '../statuses.js';
import type { SubjectDefinition } from '../subject-definition.js';
import { familyOf } from './family.js';
import type { PackageAssessment, PackageItem, Scoring } from './model.js';

export type SubjectInfo = { code: string; definition: SubjectDefinition | null; targets: Set<string> };

const ASMT_FIELDS = [
  'AssessmentName',
  'AssessmentLabel',
  'AssessmentSubject',
  'AssessmentGrade',
  'AssessmentSubtype',
  'AssessmentVersion',
  'AcademicYear',
] as const;
const SUBTYPES: Record<string, AssessmentType> = { ica: 'ica', iab: 'iab', sum: 'sum', summative: 'sum', fiab: 'fiab', ia: 'ia' };

const numberOf = (v: string | undefined): number | null => {
  const t = (v ?? '').trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
};
const boolOf = (v: string | undefined): boolean | null => {
  const t = (v ?? '').trim().toUpperCase();
  if (t === 'Y' || t === 'YES' || t === 'TRUE') return true;
  if (t === 'N' || t === 'NO' || t === 'FALSE') return false;
  return null;
};

/** Level ranges with prefix (Scaled/Overall/Alt1..): stop at the first missing Low; a missing High uses the next Low. */
function readScoring(get: (c: string) => string, prefix: string, max: number, element: string, errors: ErrorCollector): Scoring | null {
  const lows: number[] = [];
  const highs: (number | null)[] = [];
  for (let n = 1; n <= max; n++) {
    const low = numberOf(get(`${prefix}Low${n}`));
    if (low === null) break;
    const high = numberOf(get(`${prefix}High${n}`));
    if (Number.isNaN(low)) {
      errors.add(`${element} ${prefix}Low${n}`, get(`${prefix}Low${n}`), 'invalid number');
      return null;
    }
    if (high !== null && Number.isNaN(high)) {
      errors.add(`${element} ${prefix}High${n}`, get(`${prefix}High${n}`), 'invalid number');
      return null;
    }
    lows.push(low);
    highs.push(high);
  }
  if (lows.length === 0) return null;
  const ranges = lows.map((low, i) => ({ low, high: highs[i] ?? lows[i + 1] ?? null }));
  const last = ranges[ranges.length - 1] as { low: number; high: number | null };
  if (last.high === null) {
    errors.add(`${element} ${prefix}High${ranges.length}`, undefined, 'value may not be blank');
    return null;
  }
  for (const r of ranges) {
    if (r.high !== null && r.low > r.high) {
      errors.add(`${element} ${prefix}`, `${r.low} - ${r.high}`, 'LevelRange low is greater than high');
      return null;
    }
  }
  const min = lows[0] as number;
  const cuts = lows.slice(1);
  for (const c of cuts) {
    if (c < min || c > last.high)
      errors.add(`${element} ${prefix} cut point`, String(c), `cut point must be between ${min} and ${last.high}`);
  }
  return { min, max: last.high, cuts, levels: lows.length };
}

function splitTarget(value: string): { claim: string; target: string } | undefined {
  const at = value.indexOf('|');
  if (at < 0) return undefined;
  const claim = value.slice(0, at).trim();
  const target = value.slice(at + 1).trim();
  if (claim === '' || target === '') return undefined;
  return { claim, target };
}

type Ctx = { asmtId: string; subject: SubjectInfo | undefined; header: Set<string>; errors: ErrorCollector };

function readItem(get: (c: string) => string, ctx: Ctx): PackageItem | null {
  const { errors } = ctx;
  const fullKey = get('FullItemKey').trim();
  const el = (field: string) => `[${ctx.asmtId}], [${fullKey}], ${field}`;
  const before = errors.messages.length;
  if (fullKey.length > 40) errors.add(el('FullKey'), fullKey, 'string is too long, max length is 40');
  const def = ctx.subject?.definition ?? null;
  const ctt = get('ClaimContentTarget');
  let claimCode: string | null = null;
  let targetNaturalId: string | null = null;
  if (ctt.trim() === '') errors.add(el('ClaimContentTarget'), ctt, 'value may not be blank');
  else {
    const split = splitTarget(ctt);
    if (!split) errors.add(el('ClaimContentTarget'), ctt, 'invalid value');
    else if (def && !def.claims.some((c) => c.organizational && c.code === split.claim))
      errors.add(el('ClaimContentTarget'), ctt, `claim not found [${split.claim}]`);
    else if (def && !ctx.subject?.targets.has(`${split.claim}|${split.target}`))
      errors.add(el('ClaimContentTarget'), ctt, 'target not found');
    else {
      claimCode = split.claim;
      targetNaturalId = split.target;
    }
  }
  for (const part of get('SecondaryClaimContentTarget').split(';')) {
    if (part.trim() === '') continue;
    if (!splitTarget(part)) errors.add(el('SecondaryClaimContentTarget'), part, 'invalid value');
  }
  const standards = def?.standards ?? [];
  for (const field of ['CommonCore', 'SecondaryCommonCore']) {
    const list = get(field)
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (standards.length > 0 && list.some((s) => !standards.includes(s))) {
      errors.add(el(`${field}Standards`), get(field), `unable to find all common core standards for values [${get(field)}]`);
    }
  }
  const dokText = get('DOK').trim();
  let dok: number | null = null;
  if (dokText !== '') {
    const allowed = def && def.depthsOfKnowledge.length > 0 ? def.depthsOfKnowledge.map((d) => d.level) : [1, 2, 3, 4];
    dok = Number(dokText);
    if (!allowed.includes(dok)) errors.add(el('DOK'), dokText, `unknown depth of knowledge [${dokText}]`);
  }
  const required = (field: string): number | null => {
    if (!ctx.header.has(field)) return null;
    const n = numberOf(get(field));
    if (n === null) errors.add(el(field), undefined, 'value may not be blank');
    else if (Number.isNaN(n)) errors.add(el(field), get(field), 'invalid number');
    return n;
  };
  const maxPoints = required('MaxPoints');
  const difficulty = required('avg_b');
  const optionCount = required('NumberOfAnswerOptions');
  const format = get('ItemType').trim() || null;
  const answerKey = get('AnswerKey').trim() || null;
  if ((format === 'MC' || format === 'MS') && ctx.header.has('AnswerKey') && !answerKey)
    errors.add(el('AnswerKey'), get('AnswerKey'), 'value may not be blank for MC and MS items');
  const ptw = get('PtWritingType').trim();
  if (ptw.length > 16) errors.add(el('PtWritingType'), ptw, 'string is too long, max length is 16');
  if (errors.messages.length > before) return null;
  const mp = get('MathematicalPractice').trim();
  const [bank, ...rest] = fullKey.split('-');
  return {
    naturalId: fullKey,
    bankKey: get('BankKey').trim() || (bank ?? ''),
    itemKey: get('ItemId').trim() || rest.join('-'),
    position: numberOf(get('ItemPosition')),
    format,
    claimCode,
    targetNaturalId,
    standard: get('CommonCore').trim() || null,
    dok,
    maxPoints: maxPoints ?? 1,
    difficulty,
    answerKey,
    optionCount,
    writingPurpose: ptw === '' ? null : (purposeFromWritingType(ptw) ?? null),
    mathPractice: mp === '' || mp.toLowerCase() === 'none' ? null : mp,
    allowCalculator: boolOf(get('AllowCalculator')),
    fieldTest: boolOf(get('IsFieldTest')) ?? false,
  };
}

/**
 * Tabulator CSV (formats.md §4): one row per item, assessment columns repeated and identical per
 * assessment. Validation problems are collected; the caller stores nothing if there are any.
 */
export function readPackage(bytes: Uint8Array, subjects: Map<string, SubjectInfo>, errors: ErrorCollector): PackageAssessment[] {
  const { header, rows } = readCsv(bytes);
  const headerSet = new Set(header);
  const missing = ['AssessmentId', ...ASMT_FIELDS.filter((f) => f !== 'AssessmentVersion')].filter((c) => !headerSet.has(c));
  if (!headerSet.has('ScaledLow1') && !headerSet.has('OverallLow1')) missing.push('ScaledLow1 or OverallLow1');
  if (missing.length > 0) {
    errors.add('header', header.join(','), `missing required column(s): ${missing.join(', ')}`);
    return [];
  }
  const overallPrefix = headerSet.has('ScaledLow1') ? 'Scaled' : 'Overall';
  const hasItems = headerSet.has('FullItemKey');
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const id = (row.values[header.indexOf('AssessmentId')] ?? '').trim();
    if (id === '') {
      errors.add(`line ${row.line} AssessmentId`, undefined, 'value may not be blank');
      continue;
    }
    const list = groups.get(id) ?? [];
    list.push(row);
    groups.set(id, list);
  }
  const out: PackageAssessment[] = [];
  for (const [asmtId, list] of groups) {
    const getter = (row: CsvRow) => (c: string) => {
      const i = header.indexOf(c);
      return i < 0 ? '' : (row.values[i] ?? '');
    };
    const first = getter(list[0] as CsvRow);
    const last = getter(list[list.length - 1] as CsvRow);
    const el = (f: string) => `[${asmtId}], ${f}`;
    const before = errors.messages.length;
    for (const row of list.slice(1)) {
      const g = getter(row);
      for (const f of ASMT_FIELDS) if (g(f).trim() !== first(f).trim()) errors.add(el(f), g(f), `Mismatched ${f}`);
    }
    if (asmtId.length > 250) errors.add(el('AssessmentId'), asmtId, 'string is too long, max length is 250');
    const name = first('AssessmentName').trim();
    const label = first('AssessmentLabel').trim();
    const version = first('AssessmentVersion').trim() || null;
    if (name === '') errors.add(el('AssessmentName'), undefined, 'value may not be blank');
    if (name.length > 250) errors.add(el('AssessmentName'), name, 'string is too long, max length is 250');
    if (label.length > 250) errors.add(el('AssessmentLabel'), label, 'string is too long, max length is 250');
    if (version && version.length > 30) errors.add(el('AssessmentVersion'), version, 'string is too long, max length is 30');
    const gradeRaw = first('AssessmentGrade');
    const grade = normalizeGrade(gradeRaw);
    if (!grade) errors.add(el('AssessmentGrade'), gradeRaw, `unknown grade code [${gradeRaw}]`);
    const subjectRaw = first('AssessmentSubject').trim();
    const subject = subjects.get(subjectRaw.toLowerCase());
    if (!subject) errors.add(el('AssessmentSubject'), subjectRaw, `unknown subject code [${subjectRaw}]`);
    const subtypeRaw = first('AssessmentSubtype').trim();
    const type = SUBTYPES[subtypeRaw.toLowerCase()];
    if (!type) errors.add(el('AssessmentSubtype'), subtypeRaw, `unknown assessment type [${subtypeRaw}]`);
    const yearRaw = first('AcademicYear').trim();
    const yearText = yearRaw.includes('-') ? (yearRaw.split('-').pop() ?? '') : yearRaw;
    const schoolYear = /^\d{4}$/.test(yearText.trim()) ? Number(yearText.trim()) : null;
    if (schoolYear === null) errors.add(el('AcademicYear'), yearRaw, 'invalid year');
    // Overall scoring is the last row's values (re-set per row in RDW).
    const overall = readScoring(last, overallPrefix, 6, `[${asmtId}],`, errors);
    const alts: (Scoring | null)[] = [];
    for (let a = 1; a <= 5; a++) if (headerSet.has(`Alt${a}Low1`)) alts.push(readScoring(last, `Alt${a}`, 5, `[${asmtId}],`, errors));
    while (alts.length > 0 && alts[alts.length - 1] === null) alts.pop();
    checkScoring({ asmtId, type, subject, overall, alts, errors });
    const items: PackageItem[] = [];
    const ctx: Ctx = { asmtId, subject, header: headerSet, errors };
    const seen = new Set<string>();
    if (hasItems) {
      for (const row of list) {
        const g = getter(row);
        if (g('FullItemKey').trim() === '' && list.length === 1) continue; // itemless row
        const item = readItem(g, ctx);
        if (!item) continue;
        if (seen.has(item.naturalId))
          errors.add(`[${asmtId}], [${item.naturalId}], FullItemKey`, item.naturalId, 'duplicate item in assessment');
        seen.add(item.naturalId);
        items.push(item);
      }
    }
    if (errors.messages.length > before || !grade || !subject || !type || schoolYear === null) continue;
    const familyColumn = first('Family').trim().toUpperCase();
    out.push({
      naturalId: asmtId,
      name,
      label: label || name,
      subject: subject.code,
      grade,
      type,
      family: (['SBAC', 'CAST', 'CAA', 'CSA', 'ELPAC', 'AELPAC', 'OTHER'].includes(familyColumn)
        ? familyColumn
        : familyOf(subject.code, asmtId)) as PackageAssessment['family'],
      version,
      schoolYear,
      overall,
      alts,
      items,
    });
  }
  return out;
}

/** §4.3: level counts against the subject definition; IAB has exactly 4 ranges. */
function checkScoring(o: {
  asmtId: string;
  type: AssessmentType | undefined;
  subject: SubjectInfo | undefined;
  overall: Scoring | null;
  alts: (Scoring | null)[];
  errors: ErrorCollector;
}): void {
  const { type, overall, errors } = o;
  const el = `[${o.asmtId}], scoring`;
  if (!overall) {
    errors.add(el, undefined, 'overall scoring (ScaledLow1/OverallLow1) is required');
    return;
  }
  if (type === 'iab' && overall.levels !== 4) {
    errors.add(el, String(overall.levels), 'IAB overall scoring must have exactly 4 level ranges');
    return;
  }
  const def = o.subject?.definition;
  const typeDef = def?.assessmentTypes.find((t) => t.code === type);
  if (!typeDef || (type !== 'ica' && type !== 'sum')) return;
  if (typeDef.overall.levels.length > 0 && overall.levels !== typeDef.overall.levels.length) {
    errors.add(
      el,
      String(overall.levels),
      `overall scoring has ${overall.levels} levels; subject ${def?.code} ${type} has ${typeDef.overall.levels.length}`,
    );
  }
  const present = o.alts.filter((a) => a !== null);
  if (present.length > 0 && typeDef.alt && present.length !== (def?.altScores.length ?? 0)) {
    errors.add(
      el,
      String(present.length),
      `alt scorings: ${present.length}; subject ${def?.code} has ${def?.altScores.length ?? 0} alt scores`,
    );
  }
  for (const a of present) {
    if (typeDef.alt && a && a.levels !== typeDef.alt.levels.length) {
      errors.add(
        el,
        String(a.levels),
        `alt scoring has ${a.levels} levels; subject ${def?.code} ${type} alt scoring has ${typeDef.alt.levels.length}`,
      );
    }
  }
}

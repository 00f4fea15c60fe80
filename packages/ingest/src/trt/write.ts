/**
 * TRT writer: builds schema-valid TDSReport XML (formats.md §3.1) from plain data. Used by the
 * ingest benchmark's generator and the round-trip tests; the reader (parse.ts) accepts its output.
 */
export type TrtWriteItem = {
  bankKey: string | number;
  key: string | number;
  position: number;
  format: string;
  score: number | null;
  scoreStatus?: 'NOTSCORED' | 'SCORED' | 'WAITINGFORMACHINESCORE' | 'SCORINGERROR' | 'APPEALED';
  adminDate: string;
  numberVisits?: number;
  responseDuration?: number;
  pageNumber?: number;
  pageVisits?: number;
  pageTime?: number;
  isSelected?: boolean;
  mimeType?: 'text/plain' | 'text/xml' | 'text/html' | 'audio/ogg';
  response?: { text: string; date: string; type?: 'value' | 'reference' };
  /** Writing dimensions (Organization/Purpose, Evidence/Elaboration, Conventions). */
  traits?: { dimension: string; score: number; status?: 'Scored' | 'NotScored' | 'WaitingForMachineScore' | 'ScoringError' }[];
};

export type TrtWriteScore = {
  measureOf: string;
  measureLabel: string;
  value: string | number;
  standardError?: string | number | null;
  conditionCode?: string;
};

export type TrtWriteExam = {
  test: {
    name: string;
    subject: string;
    grade: string;
    testId?: string;
    assessmentType: string;
    academicYear: number;
    mode?: 'online' | 'paper' | 'scanned';
    contract?: string;
    bankKey?: number;
    assessmentVersion?: string;
  };
  examinee: {
    key?: number;
    /** Written as FINAL attributes (StudentIdentifier, FirstName, Sex, ...). */
    attributes: Record<string, string | undefined>;
    relationships: Record<string, string | undefined>;
    groupNames?: string[];
    contextDate: string;
    /** Optional INITIAL values written before the FINAL ones (FINAL wins). */
    initial?: Record<string, string>;
  };
  opportunity: Record<string, string | number | undefined>;
  accommodations?: { code: string; type?: string; value?: string; segment?: number }[];
  scores: TrtWriteScore[];
  items?: TrtWriteItem[];
};

const ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};
const escAttr = (v: string) => v.replace(/[&<>"'\n\r\t]/g, (c) => ESC[c] as string);
const escText = (v: string) => v.replace(/[&<>]/g, (c) => ESC[c] as string);

function attrs(o: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const k in o) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    out += ` ${k}="${escAttr(String(v))}"`;
  }
  return out;
}

export function writeTrt(e: TrtWriteExam): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<TDSReport>\n'];
  const t = e.test;
  parts.push(
    `  <Test${attrs({
      name: t.name,
      subject: t.subject,
      testId: t.testId ?? t.name,
      bankKey: t.bankKey,
      contract: t.contract,
      mode: t.mode ?? 'online',
      grade: t.grade,
      assessmentType: t.assessmentType,
      academicYear: t.academicYear,
      assessmentVersion: t.assessmentVersion,
    })}/>\n`,
  );
  const ex = e.examinee;
  parts.push(`  <Examinee${attrs({ key: ex.key, isDemo: 'false' })}>\n`);
  for (const [name, value] of Object.entries(ex.initial ?? {})) {
    parts.push(`    <ExamineeAttribute${attrs({ context: 'INITIAL', name, value, contextDate: ex.contextDate })}/>\n`);
  }
  for (const [name, value] of Object.entries(ex.attributes)) {
    if (value === undefined) continue;
    parts.push(`    <ExamineeAttribute${attrs({ context: 'FINAL', name, value, contextDate: ex.contextDate })}/>\n`);
  }
  for (const g of ex.groupNames ?? []) {
    parts.push(`    <ExamineeAttribute${attrs({ context: 'FINAL', name: 'StudentGroupName', value: g, contextDate: ex.contextDate })}/>\n`);
  }
  for (const [name, value] of Object.entries(ex.relationships)) {
    if (value === undefined) continue;
    parts.push(`    <ExamineeRelationship${attrs({ context: 'FINAL', name, value, contextDate: ex.contextDate })}/>\n`);
  }
  parts.push('  </Examinee>\n');
  parts.push(`  <Opportunity${attrs(e.opportunity)}>\n`);
  for (const a of e.accommodations ?? []) {
    parts.push(
      `    <Accommodation${attrs({ type: a.type ?? 'Accommodation', value: a.value ?? a.code, code: a.code, segment: a.segment ?? 0 })}/>\n`,
    );
  }
  for (const s of e.scores) {
    parts.push(
      `    <Score${attrs({ measureOf: s.measureOf, measureLabel: s.measureLabel, value: s.value, standardError: s.standardError ?? '', conditionCode: s.conditionCode })}/>\n`,
    );
  }
  for (const it of e.items ?? []) {
    parts.push(
      `    <Item${attrs({
        position: it.position,
        segmentId: e.test.name,
        bankKey: it.bankKey,
        key: it.key,
        operational: 1,
        isSelected: it.isSelected === false ? 0 : 1,
        format: it.format,
        score: it.score === null ? -1 : it.score,
        scoreStatus: it.scoreStatus ?? (it.score === null ? 'NOTSCORED' : 'SCORED'),
        adminDate: it.adminDate,
        numberVisits: it.numberVisits ?? 1,
        responseDuration: it.responseDuration ?? 0,
        mimeType: it.mimeType ?? 'text/plain',
        pageNumber: it.pageNumber ?? it.position,
        pageVisits: it.pageVisits ?? 1,
        pageTime: it.pageTime ?? 0,
        dropped: 0,
      })}`,
    );
    if (!it.response && !it.traits) {
      parts.push('/>\n');
      continue;
    }
    parts.push('>\n');
    if (it.response)
      parts.push(
        `      <Response${attrs({ date: it.response.date, type: it.response.type ?? 'value' })}>${escText(it.response.text)}</Response>\n`,
      );
    if (it.traits && it.traits.length > 0) {
      const total = it.traits.reduce((a, b) => a + b.score, 0);
      parts.push(
        `      <ScoreInfo${attrs({ scorePoint: total, maxScore: 10, scoreDimension: 'overall', scoreStatus: 'Scored' })}>\n        <SubScoreList>\n`,
      );
      for (const d of it.traits) {
        parts.push(
          `          <ScoreInfo${attrs({ scorePoint: d.score, maxScore: 4, scoreDimension: d.dimension, scoreStatus: d.status ?? 'Scored' })}/>\n`,
        );
      }
      parts.push('        </SubScoreList>\n      </ScoreInfo>\n');
    }
    parts.push('    </Item>\n');
  }
  parts.push('  </Opportunity>\n</TDSReport>\n');
  return parts.join('');
}

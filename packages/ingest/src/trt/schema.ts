/**
 * The TRT XSD (shared/fixtures/rdw/schemas/TestResultsTransmissionFormat.xsd) as data: allowed
 * attributes with their simple types, and each element's content model. The streaming parser
 * checks documents against it, so a schema-invalid TRT is BAD_FORMAT before any business rule
 * (formats.md §1.2 rec, §3.1).
 */
export type SimpleType =
  | 'string'
  | 'token'
  | 'uint'
  | 'long'
  | 'int'
  | 'float'
  | 'boolean'
  | 'dateTime'
  | 'nullableDateTime'
  | 'nullableUInt'
  | 'nullableFloat'
  | 'bit'
  | 'ufloatOrMinusOne'
  | 'positiveByte'
  | 'positiveInt'
  | readonly string[];

export type AttrSpec = { type: SimpleType; required?: boolean; default?: string };

/** Sequence entries: [child name, minOccurs, maxOccurs (Infinity = unbounded)]. */
export type Particle = readonly [name: string, min: number, max: number];

export type ElementSpec = {
  attrs: Record<string, AttrSpec>;
  /** Ordered content; 'choice' = any of the names, any number of times. */
  content:
    | { kind: 'sequence'; particles: readonly Particle[] }
    | { kind: 'choice'; names: readonly string[] }
    | { kind: 'empty' }
    | { kind: 'any' };
  /** Mixed content allows character data. */
  mixed?: boolean;
};

const S = (required = false): AttrSpec => ({ type: 'string', required });
const T = (type: SimpleType, required = false, def?: string): AttrSpec =>
  def === undefined ? { type, required } : { type, required, default: def };
const U = Infinity;

const SCORE_INFO: ElementSpec = {
  attrs: {
    scorePoint: T('ufloatOrMinusOne', true),
    maxScore: T('ufloatOrMinusOne', true),
    scoreDimension: S(true),
    scoreStatus: T(['Scored', 'NotScored', 'WaitingForMachineScore', 'ScoringError'], true),
    conditionCode: S(),
    sequence: T('positiveInt'),
  },
  content: {
    kind: 'sequence',
    particles: [
      ['ScoreRationale', 0, 1],
      ['SubScoreList', 0, 1],
    ],
  },
};

export const TRT_SCHEMA: Record<string, ElementSpec> = {
  TDSReport: {
    attrs: {},
    content: {
      kind: 'sequence',
      particles: [
        ['Test', 1, 1],
        ['Examinee', 1, 1],
        ['Opportunity', 1, 1],
        ['Comment', 0, U],
        ['ToolUsage', 0, U],
      ],
    },
  },
  Test: {
    attrs: {
      name: S(true),
      subject: S(true),
      testId: S(true),
      bankKey: T('uint'),
      contract: S(),
      mode: T(['online', 'paper', 'scanned'], false, 'online'),
      grade: S(true),
      handScoreProject: T('uint'),
      assessmentType: S(true),
      academicYear: T('uint', true),
      assessmentVersion: S(),
    },
    content: { kind: 'empty' },
  },
  Examinee: {
    attrs: { key: T('long'), isDemo: T('boolean') },
    content: { kind: 'choice', names: ['ExamineeAttribute', 'ExamineeRelationship'] },
  },
  ExamineeAttribute: {
    attrs: { context: T(['INITIAL', 'FINAL'], true), name: S(true), value: S(), contextDate: T('dateTime', true) },
    content: { kind: 'empty' },
  },
  ExamineeRelationship: {
    attrs: { context: T(['INITIAL', 'FINAL'], true), name: S(true), entityKey: S(), value: S(), contextDate: T('dateTime', true) },
    content: { kind: 'empty' },
  },
  Opportunity: {
    attrs: {
      server: S(),
      database: S(),
      clientName: S(),
      key: S(),
      oppId: S(),
      startDate: T('nullableDateTime'),
      status: T(
        ['appeal', 'completed', 'expired', 'handscoring', 'invalidated', 'paused', 'reported', 'reset', 'scored', 'submitted', 'pending'],
        false,
        'scored',
      ),
      validity: T(['valid', 'invalid'], false, 'valid'),
      completeness: T(['Partial', 'Complete']),
      opportunity: T('uint'),
      statusDate: T('dateTime'),
      dateCompleted: T('nullableDateTime', true),
      pauseCount: T('uint'),
      itemCount: T('uint'),
      ftCount: T('uint'),
      abnormalStarts: T('uint'),
      gracePeriodRestarts: T('uint'),
      taId: S(),
      taName: S(),
      sessionId: S(),
      windowId: S(),
      windowOpportunity: T('nullableUInt'),
      completeStatus: T(['Partial', 'Complete']),
      administrationCondition: T(['Valid', 'SD', 'NS', 'IN']),
      dateForceCompleted: T('nullableDateTime'),
      qaLevel: S(),
      assessmentParticipantSessionPlatformUserAgent: S(),
      effectiveDate: S(),
      reportingVersion: T('uint'),
      testReason: S(),
    },
    content: {
      kind: 'sequence',
      particles: [
        ['Segment', 0, U],
        ['Accommodation', 0, U],
        ['Score', 0, U],
        ['GenericVariable', 0, U],
        ['Item', 0, U],
      ],
    },
  },
  Segment: {
    attrs: { id: S(true), position: T('positiveByte', true), formId: S(), formKey: S(), algorithm: S(), algorithmVersion: S() },
    content: { kind: 'empty' },
  },
  Accommodation: {
    attrs: { type: S(true), value: S(true), code: S(true), segment: T('uint', true) },
    content: { kind: 'empty' },
  },
  Score: {
    attrs: { measureOf: S(true), measureLabel: S(true), value: S(true), standardError: T('nullableFloat', true), conditionCode: S() },
    content: { kind: 'empty' },
  },
  GenericVariable: {
    attrs: { context: S(true), name: S(true), value: S(true) },
    content: { kind: 'empty' },
  },
  Item: {
    attrs: {
      position: T('uint', true),
      segmentId: S(true),
      bankKey: T('uint', true),
      key: T('long', true),
      operational: T('bit', true),
      isSelected: T('bit', true),
      format: S(true),
      score: T('ufloatOrMinusOne', true),
      scoreStatus: T(['NOTSCORED', 'SCORED', 'WAITINGFORMACHINESCORE', 'SCORINGERROR', 'APPEALED']),
      adminDate: T('dateTime', true),
      numberVisits: T('uint', true),
      responseDuration: T('float', true),
      mimeType: T(['text/plain', 'text/xml', 'text/html', 'audio/ogg'], true),
      clientId: S(),
      strand: S(),
      contentLevel: S(),
      pageNumber: T('uint', true),
      pageVisits: T('uint', true),
      pageTime: T('int', true),
      dropped: T('bit', true),
    },
    content: {
      kind: 'sequence',
      particles: [
        ['Response', 0, 1],
        ['ScoreInfo', 0, 1],
      ],
    },
  },
  Response: {
    attrs: { date: T('dateTime', true), type: T(['value', 'reference', ''], false, 'value'), key: S() },
    content: { kind: 'empty' },
    mixed: true,
  },
  ScoreInfo: SCORE_INFO,
  ScoreRationale: { attrs: {}, content: { kind: 'sequence', particles: [['Message', 0, 1]] }, mixed: true },
  // xs:anyType: anything goes inside.
  Message: { attrs: {}, content: { kind: 'any' }, mixed: true },
  SubScoreList: { attrs: {}, content: { kind: 'sequence', particles: [['ScoreInfo', 0, U]] } },
  Comment: {
    attrs: { context: S(true), itemPosition: T('nullableUInt'), date: T('dateTime', true) },
    content: { kind: 'empty' },
    mixed: true,
  },
  ToolUsage: {
    attrs: { type: S(true), code: S(true) },
    content: { kind: 'sequence', particles: [['ToolPage', 1, U]] },
  },
  ToolPage: {
    attrs: { page: T('uint', true), groupId: S(true), count: T('uint', true) },
    content: { kind: 'empty' },
  },
};

const DATE_TIME = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-](0\d|1[0-4]):[0-5]\d)?$/;
const FLOAT = /^[+-]?((\d+(\.\d*)?)|(\.\d+))([eE][+-]?\d+)?$|^[+-]?INF$|^NaN$/;
const UINT = /^\+?\d+$/;
const INT = /^[+-]?\d+$/;

/** Whitespace handling as the XSD's token types do (collapse); strings keep their value. */
export function checkSimple(type: SimpleType, raw: string): boolean {
  if (typeof type !== 'string') return type.includes(raw) || type.includes(raw.trim().replace(/\s+/g, ' '));
  const v = type === 'string' ? raw : raw.trim();
  switch (type) {
    case 'string':
    case 'token':
      return true;
    case 'uint':
      return UINT.test(v) && Number(v) <= 4294967295;
    case 'positiveByte':
      return UINT.test(v) && Number(v) >= 1 && Number(v) <= 255;
    case 'positiveInt':
      return INT.test(v) && Number(v) >= 1 && Number(v) <= 2147483647;
    case 'long':
      return INT.test(v) && v.replace(/^[+-]/, '').replace(/^0+/, '').length <= 19;
    case 'int':
      return INT.test(v) && Math.abs(Number(v)) <= 2147483648;
    case 'float':
      return FLOAT.test(v);
    case 'boolean':
      return v === 'true' || v === 'false' || v === '1' || v === '0';
    case 'dateTime':
      return DATE_TIME.test(v);
    case 'nullableDateTime':
      return v === '' || DATE_TIME.test(v);
    case 'nullableUInt':
      return v === '' || (UINT.test(v) && Number(v) <= 4294967295);
    case 'nullableFloat':
      return v === '' || FLOAT.test(v);
    case 'bit':
      return v === '0' || v === '1';
    case 'ufloatOrMinusOne':
      return v === '-1' || (FLOAT.test(v) && Number(v) >= 0);
    default: {
      const never: never = type;
      return never;
    }
  }
}

export function describeType(type: SimpleType): string {
  if (typeof type !== 'string') return `one of ${type.map((v) => `"${v}"`).join(', ')}`;
  switch (type) {
    case 'uint':
      return 'an unsigned integer';
    case 'positiveByte':
      return 'an integer from 1 to 255';
    case 'positiveInt':
      return 'a positive integer';
    case 'long':
    case 'int':
      return 'an integer';
    case 'float':
      return 'a number';
    case 'boolean':
      return 'true, false, 1 or 0';
    case 'dateTime':
      return 'a date-time (YYYY-MM-DDThh:mm:ss)';
    case 'nullableDateTime':
      return 'a date-time or empty';
    case 'nullableUInt':
      return 'an unsigned integer or empty';
    case 'nullableFloat':
      return 'a number or empty';
    case 'bit':
      return '0 or 1';
    case 'ufloatOrMinusOne':
      return '-1 or a number ≥ 0';
    default:
      return 'text';
  }
}

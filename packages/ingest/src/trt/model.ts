/**
 * A TRT (TDSReport) as read from the XML, before any business rule (formats.md §3.1). Attribute
 * values are the raw strings, with the XSD defaults applied (Test@mode, Opportunity@status and
 * @validity, Response@type).
 */
export type Attrs = Record<string, string>;

export type ExamineeEntry = {
  kind: 'attribute' | 'relationship';
  context: 'INITIAL' | 'FINAL';
  name: string;
  value: string | undefined;
  entityKey?: string | undefined;
};

export type TrtAccommodation = { code: string; type: string; value: string; segment: string };

export type TrtScore = {
  measureOf: string;
  measureLabel: string;
  value: string;
  standardError: string;
  conditionCode?: string | undefined;
};

/** First-level ScoreInfo dimensions under an item's ScoreInfo/SubScoreList (formats.md §3.6). */
export type TrtSubScore = { dimension: string; scorePoint: string; scoreStatus: string };

export type TrtItem = {
  attrs: Attrs;
  response?: { text: string; date: string; type: string } | undefined;
  subScores: TrtSubScore[];
};

export type Trt = {
  test: Attrs;
  examinee: { key?: string | undefined; isDemo?: string | undefined; entries: ExamineeEntry[] };
  opportunity: Attrs;
  accommodations: TrtAccommodation[];
  scores: TrtScore[];
  items: TrtItem[];
};

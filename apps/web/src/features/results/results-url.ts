/**
 * Everything a results page shows lives in its URL, so every view is linkable and survives reload:
 *   ?year=2025&a=12,15&open=12&view=12:targets&type=15:composite&sg=12:gender&display=percent
 *    &item=301&student=44&compare=12
 * year: School Year; a: Selected Assessments (absent = the default selection); open: cards with
 * Show Results expanded; view / type / sg: per card Results by Student option, Overall/Composite/
 * Claim/Domain toggle and target-report subgroup; display: Number | Percent; item (+ student):
 * the item detail dialog; compare: cards showing Compare years.
 */
import { isResultsView, type ResultsView, SCORE_TYPES, type ScoreType } from '@cers/domain';

export type DisplayMode = 'number' | 'percent';

export type ResultsState = {
  year: number | undefined;
  /** Undefined = the server's default selection. */
  selected: number[] | undefined;
  open: number[];
  views: Record<number, ResultsView>;
  types: Record<number, ScoreType>;
  subgroups: Record<number, string>;
  display: DisplayMode;
  item: number | undefined;
  student: number | undefined;
  compare: number[];
};

function ids(value: string | null): number[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((v) => Number(v.trim())))].filter((n) => Number.isInteger(n) && n > 0);
}

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : undefined;
}

function pairs<T extends string>(value: string | null, accept: (v: string) => v is T): Record<number, T> {
  const out: Record<number, T> = {};
  if (!value) return out;
  for (const part of value.split(',')) {
    const [k, v] = part.split(':');
    const id = Number(k);
    if (Number.isInteger(id) && id > 0 && v !== undefined && accept(v)) out[id] = v;
  }
  return out;
}

const isScoreType = (v: string): v is ScoreType => (SCORE_TYPES as readonly string[]).includes(v);
const isSubgroup = (v: string): v is string => /^[a-zA-Z0-9]{1,40}$/.test(v);

export function parseResultsState(params: URLSearchParams): ResultsState {
  const year = positive(params.get('year'));
  return {
    year: year !== undefined && year >= 2000 && year <= 2100 ? year : undefined,
    selected: params.has('a') ? ids(params.get('a')) : undefined,
    open: ids(params.get('open')),
    views: pairs(params.get('view'), isResultsView),
    types: pairs(params.get('type'), isScoreType),
    subgroups: pairs(params.get('sg'), isSubgroup),
    display: params.get('display') === 'percent' ? 'percent' : 'number',
    item: positive(params.get('item')),
    student: positive(params.get('student')),
    compare: ids(params.get('compare')),
  };
}

function encodePairs(map: Record<number, string>, keep: (id: number) => boolean, skip: string): string {
  return Object.entries(map)
    .filter(([id, v]) => keep(Number(id)) && v !== skip)
    .map(([id, v]) => `${id}:${v}`)
    .join(',');
}

/** Serializes the state; per-card settings of cards no longer selected are dropped, defaults omitted. */
export function serializeResultsState(s: ResultsState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.year !== undefined) p.set('year', String(s.year));
  if (s.selected !== undefined) p.set('a', s.selected.join(','));
  const keep = (id: number) => s.selected === undefined || s.selected.includes(id);
  const open = s.open.filter(keep);
  if (open.length > 0) p.set('open', open.join(','));
  const views = encodePairs(s.views, keep, 'student');
  if (views) p.set('view', views);
  const types = encodePairs(s.types, keep, 'overall');
  if (types) p.set('type', types);
  const sg = encodePairs(s.subgroups, keep, 'overall');
  if (sg) p.set('sg', sg);
  if (s.display === 'percent') p.set('display', 'percent');
  if (s.item !== undefined) p.set('item', String(s.item));
  if (s.item !== undefined && s.student !== undefined) p.set('student', String(s.student));
  const compare = s.compare.filter(keep);
  if (compare.length > 0) p.set('compare', compare.join(','));
  return p;
}

/** Toggles an id in a list (Show Results, Compare years). */
export function toggleId(list: readonly number[], id: number): number[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

/** A new school year starts over: the default selection of that year, everything closed. */
export function withYear(s: ResultsState, year: number): ResultsState {
  return {
    ...s,
    year,
    selected: undefined,
    open: [],
    views: {},
    types: {},
    subgroups: {},
    item: undefined,
    student: undefined,
    compare: [],
  };
}

import type { ExamItemDraft } from '@cers/db';
import type { ErrorCollector } from '../statuses.js';
import type { TrtItem } from './model.js';
import type { RefAssessment } from './refs.js';
import { parseDecimal, parseInstant } from './values.js';

const TRAIT_DIMENSIONS: Record<string, 'Org' | 'Evi' | 'Con'> = {
  'Organization/Purpose': 'Org',
  'Evidence/Elaboration': 'Evi',
  Conventions: 'Con',
};

function int(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value.trim());
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

function itemScore(raw: string | undefined, element: string, errors: ErrorCollector): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const n = parseDecimal(raw);
  if (!n.ok) {
    errors.add(element, raw, n.error);
    return null;
  }
  if (n.value < -1 || n.value > 20) {
    errors.add(element, raw, 'invalid value, must be between -1 and 20');
    return null;
  }
  return n.value;
}

/** Items and responses (formats.md §3.6); an item must belong to the assessment's package. */
export function readItems(input: readonly TrtItem[], asmt: RefAssessment, errors: ErrorCollector): ExamItemDraft[] {
  const out: ExamItemDraft[] = [];
  const seen = new Set<number>();
  for (const item of input) {
    const a = item.attrs;
    const naturalId = `${(a.bankKey ?? '').trim()}-${(a.key ?? '').trim()}`;
    const itemId = asmt.items.get(naturalId);
    if (itemId === undefined) {
      errors.add('Item', naturalId, `Missing item with id = ${naturalId}`);
      continue;
    }
    if (seen.has(itemId)) {
      errors.add('Item', naturalId, `duplicate item with id = ${naturalId}`);
      continue;
    }
    seen.add(itemId);
    const scoreStatus = a.scoreStatus?.trim() || null;
    const draft: ExamItemDraft = {
      itemId,
      position: int(a.position),
      score: itemScore(a.score, `Item ${naturalId} score`, errors),
      scoreStatus,
      administeredAt: parseInstant(a.adminDate) ?? null,
      submitted: a.isSelected === undefined ? null : a.isSelected.trim() === '1',
      numberVisits: int(a.numberVisits),
      responseDuration: a.responseDuration === undefined || a.responseDuration.trim() === '' ? null : Number(a.responseDuration),
      responseContentType: a.mimeType?.trim() || null,
      pageNumber: int(a.pageNumber),
      pageVisits: int(a.pageVisits),
      pageTime: int(a.pageTime),
      response: null,
      responseType: null,
      submittedAt: null,
    };
    if (item.response) {
      draft.response = item.response.text === '' ? null : item.response.text;
      draft.responseType = item.response.type === '' ? null : item.response.type;
      draft.submittedAt = parseInstant(item.response.date) ?? null;
    }
    for (const sub of item.subScores) {
      const dim = TRAIT_DIMENSIONS[sub.dimension];
      if (!dim) continue;
      const point = itemScore(sub.scorePoint, `Item ${naturalId} ${sub.dimension}`, errors);
      draft[`trait${dim}Score`] = point === null ? null : Math.trunc(point);
      draft[`trait${dim}Status`] = sub.scoreStatus;
    }
    out.push(draft);
  }
  return out;
}

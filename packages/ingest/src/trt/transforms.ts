import type { Trt } from './model.js';

/**
 * Transform hooks (formats.md §3.10 rec): an ordered list of pure functions over the parsed TRT,
 * chosen per import (CLI --transform, API ?transform=). Each returns a new Trt and never mutates
 * its input; the names and versions that ran are recorded on the import (imports.transforms).
 */
export type TrtTransform = { name: string; version: number; description: string; apply: (trt: Trt) => Trt };

/** RDW's ExternalVendor pipeline script: bankKey 10200 → 200, SchoolId left-padded to 14, BenchmarkScore label. */
export const EXTERNAL_VENDOR: TrtTransform = {
  name: 'external-vendor',
  version: 1,
  description:
    'non-AIR vendor files: bank key 10200 → 200, SchoolId left-padded with 0 to 14 characters, BenchmarkScore → StudentRelativeResidualScore',
  apply: (trt) => {
    const bank = (v: string | undefined) => (v !== undefined && v.trim() === '10200' ? '200' : v);
    const test = { ...trt.test };
    if (test.bankKey !== undefined) test.bankKey = bank(test.bankKey) as string;
    return {
      ...trt,
      test,
      examinee: {
        ...trt.examinee,
        entries: trt.examinee.entries.map((e) =>
          e.kind === 'relationship' &&
          (e.name === 'SchoolId' || e.name === 'ResponsibleInstitutionIdentifier') &&
          e.value !== undefined &&
          e.value.trim().length < 14 &&
          e.value.trim().length > 0
            ? { ...e, value: e.value.trim().padStart(14, '0') }
            : e,
        ),
      },
      scores: trt.scores.map((s) => (s.measureLabel === 'BenchmarkScore' ? { ...s, measureLabel: 'StudentRelativeResidualScore' } : s)),
      items: trt.items.map((it) => (it.attrs.bankKey?.trim() === '10200' ? { ...it, attrs: { ...it.attrs, bankKey: '200' } } : it)),
    };
  },
};

export const TRANSFORMS: Readonly<Record<string, TrtTransform>> = { [EXTERNAL_VENDOR.name]: EXTERNAL_VENDOR };

export class UnknownTransformError extends Error {
  override readonly name = 'UnknownTransformError';
}

/** Resolves names (e.g. from --transform) in order; throws for an unknown name. */
export function resolveTransforms(names: readonly string[]): TrtTransform[] {
  return names.map((name) => {
    const bare = name.split('@')[0] as string;
    const t = TRANSFORMS[bare];
    if (!t) throw new UnknownTransformError(`unknown transform "${name}"; available: ${Object.keys(TRANSFORMS).join(', ')}`);
    return t;
  });
}

export function transformLabel(t: TrtTransform): string {
  return `${t.name}@${t.version}`;
}

export function applyTransforms(trt: Trt, transforms: readonly TrtTransform[]): Trt {
  let out = trt;
  for (const t of transforms) out = t.apply(out);
  return out;
}

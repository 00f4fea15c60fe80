/**
 * Instructional resources (cers-features.md §3.3 item 4, §3.10): links administrators configure
 * per organization, assessment, claim/target and performance level. Two kinds, one button each:
 * "District Resources" and "Tools for Teachers".
 */
export const RESOURCE_KINDS = ['district', 'tools_for_teachers'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  district: 'District Resources',
  tools_for_teachers: 'Tools for Teachers',
};

/** The public Tools for Teachers site: the fallback when nobody configured a more specific link. */
export const TOOLS_FOR_TEACHERS_HOME = 'https://toolsforteachers.smarterbalanced.org/';

export type OrgType = 'state' | 'district' | 'school';

export type ResourceRow = {
  id: number;
  kind: ResourceKind;
  title: string;
  url: string;
  orgType: OrgType;
  /** Null = any assessment. Matched against the assessment's name (all years). */
  assessmentName: string | null;
  subject: string | null;
  assessmentType: string | null;
  claimCode: string | null;
  targetId: number | null;
  performanceLevel: number | null;
};

export type ResourceContext = {
  assessmentName: string;
  subject: string;
  assessmentType: string;
  claimCode?: string | null;
  targetId?: number | null;
  performanceLevel?: number | null;
};

const ORG_RANK: Record<OrgType, number> = { school: 3, district: 2, state: 1 };

/** True when every condition the resource sets holds for the context (null conditions match all). */
export function resourceMatches(r: ResourceRow, c: ResourceContext): boolean {
  const eq = (a: string | null, b: string | null | undefined) =>
    a === null || (b !== null && b !== undefined && a.toLowerCase() === b.toLowerCase());
  if (!eq(r.assessmentName, c.assessmentName)) return false;
  if (!eq(r.subject, c.subject)) return false;
  if (!eq(r.assessmentType, c.assessmentType)) return false;
  if (!eq(r.claimCode, c.claimCode)) return false;
  if (r.targetId !== null && r.targetId !== c.targetId) return false;
  // Without a level in the context (an assessment card), level-specific links all apply: the
  // button lists one per reporting category, as RDW's Instructional Resources popover does.
  if (
    r.performanceLevel !== null &&
    c.performanceLevel !== null &&
    c.performanceLevel !== undefined &&
    r.performanceLevel !== c.performanceLevel
  ) {
    return false;
  }
  return true;
}

/**
 * Specificity, most important first: organization (school → district → state), then assessment,
 * then target, claim, performance level, then subject/type. A tuple compared left to right.
 */
export function resourceSpecificity(r: ResourceRow): number[] {
  return [
    ORG_RANK[r.orgType],
    r.assessmentName === null ? 0 : 1,
    r.targetId === null ? 0 : 1,
    r.claimCode === null ? 0 : 1,
    r.performanceLevel === null ? 0 : 1,
    (r.subject === null ? 0 : 1) + (r.assessmentType === null ? 0 : 1),
  ];
}

function compareSpecificity(a: ResourceRow, b: ResourceRow): number {
  const sa = resourceSpecificity(a);
  const sb = resourceSpecificity(b);
  for (let i = 0; i < sa.length; i++) {
    const d = (sb[i] ?? 0) - (sa[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.title.localeCompare(b.title) || a.id - b.id;
}

/** Resources of one kind that apply to the context, most specific first. */
export function resolveResources(rows: readonly ResourceRow[], kind: ResourceKind, c: ResourceContext): ResourceRow[] {
  return rows.filter((r) => r.kind === kind && resourceMatches(r, c)).sort(compareSpecificity);
}

/** URL rule of the editor: http(s) only, well formed (cers-features.md §3.10). */
export function isResourceUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value.trim())) return false;
  try {
    const u = new URL(value.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

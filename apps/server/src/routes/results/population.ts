import {
  type CersDb,
  findAssignedGroup,
  findOwnUserGroup,
  findResultsSchool,
  type PopulationRef,
  type PopulationRow,
  type ResultsAccess,
} from '@cers/db';
import {
  type AccessScope,
  aggregateScope,
  embargoScope,
  individualScope,
  invalidInput,
  isEmptyScope,
  normalizeGrade,
  notFound,
  orgScope,
  type Principal,
} from '@cers/domain';
import type { PopulationQuery } from './results.schema.js';

export type ResolvedPopulation = {
  ref: PopulationRef;
  population: PopulationRow;
  access: ResultsAccess;
  /** False for aggregate-only users: counts and means, never names; small groups suppressed. */
  individual: boolean;
};

const GROUP = 'The student group';
const SCHOOL = 'The school';

function union(a: AccessScope, b: AccessScope): AccessScope {
  return {
    statewide: a.statewide || b.statewide,
    districtIds: [...new Set([...a.districtIds, ...b.districtIds])],
    schoolIds: [...new Set([...a.schoolIds, ...b.schoolIds])],
    groups: [...a.groups, ...b.groups],
  };
}

/** Parses the population parameters: exactly one of groupId, userGroupId, schoolId (+ grade; none = the whole school). */
export function populationRef(q: PopulationQuery): PopulationRef {
  const given = [q.groupId, q.userGroupId, q.schoolId].filter((v) => v !== undefined).length;
  if (given !== 1) throw invalidInput('Give exactly one of groupId, userGroupId or schoolId.');
  if (q.groupId !== undefined) return { kind: 'group', groupId: q.groupId };
  if (q.userGroupId !== undefined) return { kind: 'user-group', userGroupId: q.userGroupId };
  if (q.grade === undefined || q.grade === '') return { kind: 'school', schoolId: q.schoolId as number, grade: null };
  const grade = normalizeGrade(q.grade);
  if (!grade) throw invalidInput('grade must be an assessment grade (KG, 01 … 12), or left out for the whole school.');
  return { kind: 'school', schoolId: q.schoolId as number, grade };
}

/**
 * Decides who may open the population and how (docs/group-results.md §Privacy):
 * - assigned group: its teachers (assigned groups in the principal), or administrators with
 *   GROUP_READ / INDIVIDUAL_READ at its school or district;
 * - My Group: its owner only;
 * - school grade: INDIVIDUAL_READ for the school, else AGGREGATE_READ for distributions only.
 * Student rows are then limited by individualScope (aggregateScope for aggregate-only) and the
 * embargo in SQL. Anything else answers 404 like a missing record.
 */
export async function resolvePopulation(cers: CersDb, principal: Principal, q: PopulationQuery): Promise<ResolvedPopulation> {
  const ref = populationRef(q);
  const embargo = embargoScope(principal);
  const individual: ResultsAccess = { scope: individualScope(principal), embargo, reportType: 'individual' };
  switch (ref.kind) {
    case 'group': {
      const admin = union(orgScope(principal, 'GROUP_READ'), orgScope(principal, 'INDIVIDUAL_READ'));
      const scope: AccessScope = { ...admin, groups: individual.scope.groups };
      const population = isEmptyScope(scope) ? undefined : await findAssignedGroup(cers.db, ref.groupId, scope);
      if (!population) throw notFound(GROUP);
      return { ref, population, access: individual, individual: true };
    }
    case 'user-group': {
      const population = await findOwnUserGroup(cers.db, ref.userGroupId, principal.userId);
      if (!population) throw notFound(GROUP);
      return { ref, population, access: individual, individual: true };
    }
    case 'school': {
      const readers = orgScope(principal, 'INDIVIDUAL_READ');
      const full = isEmptyScope(readers) ? undefined : await findResultsSchool(cers.db, ref.schoolId, ref.grade, readers);
      if (full) return { ref, population: full, access: individual, individual: true };
      const aggregate = orgScope(principal, 'AGGREGATE_READ');
      const partial = isEmptyScope(aggregate) ? undefined : await findResultsSchool(cers.db, ref.schoolId, ref.grade, aggregate);
      if (!partial) throw notFound(SCHOOL);
      return {
        ref,
        population: partial,
        access: { scope: aggregateScope(principal), embargo, reportType: 'aggregate' },
        individual: false,
      };
    }
    default: {
      const never: never = ref;
      return never;
    }
  }
}

/** Individual views need individual access; aggregate-only users get the same answer as missing. */
export function requireIndividual(p: ResolvedPopulation): void {
  if (!p.individual) throw notFound('Individual results');
}

/** Audit view name: group-results:<view> for groups and My Groups, school-results:<view> for schools. */
export function auditView(p: ResolvedPopulation, view: string): string {
  return `${p.ref.kind === 'school' ? 'school-results' : 'group-results'}:${view}`;
}

import type { Family } from '@cers/domain';

/**
 * Assessment family from subject and id (docs/importing.md §Families): ELA/Math are Smarter
 * Balanced unless the id names CAA; Science is CAST (CAA when the id says so); Spanish is CSA;
 * ELPAC is Summative ELPAC, or Alternate ELPAC when the id carries ALT. A package column `Family`
 * overrides this.
 */
export function familyOf(subject: string, assessmentId: string): Family {
  const s = subject.toLowerCase();
  const id = assessmentId.toUpperCase();
  if (s === 'ela' || s === 'math') return /(^|[^A-Z])CAA([^A-Z]|$)/.test(id) ? 'CAA' : 'SBAC';
  if (s === 'science' || s === 'cast' || s === 'sc') {
    if (/(^|[^A-Z])CAA([^A-Z]|$)/.test(id)) return 'CAA';
    return s === 'cast' || s === 'sc' || id.includes('CAST') ? 'CAST' : 'OTHER';
  }
  if (s === 'spanish' || s === 'csa') return 'CSA';
  if (s === 'elpac') return /ALT|AELPAC/.test(id) ? 'AELPAC' : 'ELPAC';
  return 'OTHER';
}

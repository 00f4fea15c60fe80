import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditViewLabel } from './audit-labels';

describe('audit log labels', () => {
  it('names the actions the server records', () => {
    expect(auditActionLabel('read-student-results')).toBe('Viewed student results');
    expect(auditActionLabel('print-isr')).toBe('Printed an Individual Student Report');
    expect(auditActionLabel('download-report')).toBe('Downloaded a report');
  });

  it('names views, with the results page they were on', () => {
    expect(auditViewLabel('student-history')).toBe('Student Test History');
    expect(auditViewLabel('group-results:targets')).toBe('Group results · Target Report');
    expect(auditViewLabel('school-results:claim')).toBe('School/grade results · Results by Student · Claim');
    expect(auditViewLabel('group-results:item-detail')).toBe('Group results · Item details');
    expect(auditViewLabel(null)).toBe('-');
  });

  it('shows a code it does not know as it is', () => {
    expect(auditActionLabel('something-new')).toBe('something-new');
    expect(auditViewLabel('other:thing')).toBe('other · thing');
  });
});

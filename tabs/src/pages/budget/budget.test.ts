import { describe, expect, it } from '@jest/globals';
import type { AuditEntry } from '@planboard/contracts';
import { importContentType } from './budgetApi';
import { describeAudit } from './HistoryPanel';
import { nameFromUpn, whenText } from './people';
import { statusDetail } from './StatusBadge';
import { appliedMessage } from './workspaceHelpers';

const me = { upn: 'erik.hansen@contoso.onmicrosoft.com', name: 'Erik Hansen' };
const names = (upn: string) => nameFromUpn(upn, me);

describe('people and times', () => {
  it('names people from their UPN, and the signed-in user "you"', () => {
    expect(nameFromUpn('maja.berg@contoso.onmicrosoft.com', me)).toBe('Maja Berg');
    expect(nameFromUpn('ERIK.HANSEN@contoso.onmicrosoft.com', me)).toBe('you');
    expect(nameFromUpn('liam_obrien@contoso.onmicrosoft.com')).toBe('Liam Obrien');
  });

  it('shows the time for today and the date otherwise', () => {
    const now = new Date('2027-03-04T15:00:00');
    expect(whenText('2027-03-04T10:42:00', now)).not.toMatch(/2027/);
    expect(whenText('2027-01-02T10:42:00', now)).toMatch(/2027/);
    expect(whenText('not a date', now)).toBe('not a date');
  });
});

describe('plan status and audit in words', () => {
  it('says who submitted or unlocked, and why a refresh failed', () => {
    expect(
      statusDetail({ status: 'live', submittedBy: 'nora.lindqvist@contoso.onmicrosoft.com', submittedAt: '2027-01-02T10:00:00Z' }, names),
    ).toMatch(/^Submitted by Nora Lindqvist · /);
    expect(statusDetail({ status: 'failed', refreshError: 'Model refresh timed out.' }, names)).toBe('Model refresh timed out.');
    expect(
      statusDetail(
        { status: 'draft', unlockedBy: 'alex.morgan@contoso.onmicrosoft.com', unlockedAt: '2027-01-02T10:00:00Z', unlockReason: 'Fix Q3' },
        names,
      ),
    ).toMatch(/^Unlocked by Alex Morgan · .*: “Fix Q3”$/);
    expect(statusDetail({ status: 'draft' }, names)).toBe('Editable until the BU leader submits it');
  });

  it('describes cell changes and plan events', () => {
    const base: AuditEntry = {
      lineId: 'laptops.europe.q1',
      field: 'budgetAmount',
      old: 1000,
      new: 2500.5,
      by: me.upn,
      at: '',
      action: 'paste',
      rev: 3,
    };
    expect(describeAudit(base, () => 'Laptops · Europe · Q1', false)).toBe('Budget Amount 1,000 → 2,500.5');
    expect(describeAudit({ ...base, field: 'comments', old: '', new: 'hi' }, () => 'Laptops · Europe · Q1', true)).toBe(
      'Laptops · Europe · Q1: Comments (empty) → “hi”',
    );
    expect(
      describeAudit({ ...base, lineId: null, field: 'status', action: 'unlock', old: 'live', new: 'draft: Q3 needs a fix' }, String, true),
    ).toBe('Plan unlocked — Q3 needs a fix');
    expect(describeAudit({ ...base, lineId: null, field: 'status', action: 'submit' }, String, true)).toBe('Plan submitted');
  });

  it('sends .csv files as text/csv and anything else as .xlsx', () => {
    expect(importContentType(new File(['a'], 'plan.CSV'))).toBe('text/csv');
    expect(importContentType(new File(['a'], 'plan.xlsx'))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});

describe('what a paste or an edit reports', () => {
  const lineText = () => 'Laptops · Europe · Q1';
  it('names the first rejected cell and why, counts pasted and skipped cells, and says nothing for a plain edit', () => {
    const error = { lineId: 'l', field: 'budgetAmount' as const, reason: '“abc” is not a number.' };
    expect(appliedMessage({ changed: 3, invalid: 2, readOnly: 1, firstError: error }, 'paste', lineText)).toEqual({
      text: 'Not valid — Budget Amount, Laptops · Europe · Q1: “abc” is not a number. (2 cells not valid) 1 cell read-only skipped.',
      intent: 'error',
    });
    expect(appliedMessage({ changed: 30, invalid: 0, readOnly: 0 }, 'paste', lineText)).toEqual({
      text: 'Pasted 30 cells.',
      intent: 'info',
    });
    expect(appliedMessage({ changed: 2, invalid: 0, readOnly: 0 }, 'fill', lineText)?.text).toBe('Filled 2 cells.');
    expect(appliedMessage({ changed: 1, invalid: 0, readOnly: 0 }, 'edit', lineText)).toBeNull();
    expect(appliedMessage({ changed: 0, invalid: 0, readOnly: 4 }, 'paste', lineText)).toEqual({
      text: '4 cells read-only skipped.',
      intent: 'warning',
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import type { BudgetLine, BudgetPatchResult } from '@planboard/contracts';
import { BudgetEditModel } from './editModel';

const me = 'erik.hansen@contoso.onmicrosoft.com';
const maja = 'maja.berg@contoso.onmicrosoft.com';
const line = (lineId: string, patch: Partial<BudgetLine> = {}): BudgetLine => {
  const [category = '', region = '', quarter = ''] = lineId.split('.');
  return { lineId, category, region, quarter, budgetAmount: 100, forecastSales: 200, comments: '', rev: 1, changes: {}, ...patch };
};
const ids = ['laptops.europe.q1', 'laptops.europe.q2', 'servers.europe.q1'] as const;
const [a, b, c] = ids;
function model() {
  const m = new BudgetEditModel({ me, locale: 'en-US' });
  m.load(ids.map((id) => line(id)));
  return m;
}
const result = (patch: Partial<BudgetPatchResult> = {}): BudgetPatchResult => ({
  applied: 0,
  unchanged: 0,
  conflicts: [],
  lines: [],
  ...patch,
});

describe('editing', () => {
  it('keeps typed numbers as pending cells with the base revision, and drops edits back to the stored value', () => {
    const m = model();
    expect(m.apply([{ lineId: a, field: 'budgetAmount', input: '1,500' }], 'edit')).toMatchObject({ changed: 1, invalid: 0 });
    expect(m.display(a, 'budgetAmount')).toBe(1500);
    expect(m.pendingCell(a, 'budgetAmount')).toMatchObject({ value: 1500, baseRev: 1, action: 'edit' });
    expect(m.cellState(a, 'budgetAmount')).toBe('local');
    m.apply([{ lineId: a, field: 'budgetAmount', input: '100' }], 'edit');
    expect(m.dirty).toBe(false);
  });

  it('rejects "abc" in the cell itself, with the reason, and never sends it', () => {
    const m = model();
    const summary = m.apply([{ lineId: a, field: 'budgetAmount', input: 'abc' }], 'edit');
    expect(summary).toMatchObject({
      changed: 1,
      invalid: 1,
      firstError: { lineId: a, field: 'budgetAmount', reason: expect.stringMatching(/not a number/) },
    });
    expect(m.display(a, 'budgetAmount')).toBe('abc');
    expect(m.cellState(a, 'budgetAmount')).toBe('invalid');
    expect(m.counts()).toMatchObject({ unsaved: 0, invalid: 1 });
    expect(m.batches()).toEqual([]);
  });

  it('skips read-only fields and unknown lines', () => {
    const m = model();
    const summary = m.apply(
      [
        { lineId: a, field: 'category', input: 'Phones' },
        { lineId: 'nope.nowhere.q9', field: 'budgetAmount', input: '1' },
        { lineId: a, field: 'comments', input: 'ok' },
      ],
      'paste',
    );
    expect(summary).toMatchObject({ changed: 1, readOnly: 2 });
    expect(m.line(a)?.category).toBe('laptops');
  });
});

describe('undo and redo', () => {
  it('treats a paste as one step and reverts all of its cells at once', () => {
    const m = model();
    m.apply([{ lineId: a, field: 'budgetAmount', input: '5' }], 'edit');
    m.apply(
      [
        { lineId: a, field: 'forecastSales', input: '1' },
        { lineId: b, field: 'forecastSales', input: '2' },
        { lineId: c, field: 'forecastSales', input: 'x' },
      ],
      'paste',
    );
    expect(m.peekUndo()?.action).toBe('paste');
    expect(m.undo()?.cells).toHaveLength(3);
    expect([a, b, c].map((id) => m.display(id, 'forecastSales'))).toEqual([200, 200, 200]);
    expect(m.display(a, 'budgetAmount')).toBe(5);
    expect(m.redo()?.action).toBe('paste');
    expect([a, b, c].map((id) => m.display(id, 'forecastSales'))).toEqual([1, 2, 'x']);
    expect(m.pendingCell(b, 'forecastSales')?.action).toBe('redo');
  });

  it('a new edit clears the redo stack; undo past the start does nothing', () => {
    const m = model();
    m.apply([{ lineId: a, field: 'comments', input: 'one' }], 'edit');
    m.undo();
    expect(m.canRedo()).toBe(true);
    m.apply([{ lineId: a, field: 'comments', input: 'two' }], 'edit');
    expect(m.canRedo()).toBe(false);
    m.undo();
    expect(m.undo()).toBeUndefined();
    expect(m.dirty).toBe(false);
  });

  it('an edit that changes nothing is not a step', () => {
    const m = model();
    expect(m.apply([{ lineId: a, field: 'budgetAmount', input: '100' }], 'edit').changed).toBe(0);
    expect(m.canUndo()).toBe(false);
  });
});

describe('saving', () => {
  it('batches valid cells by action with their base revisions', () => {
    const m = model();
    m.apply([{ lineId: a, field: 'budgetAmount', input: '7' }], 'edit');
    m.apply(
      [
        { lineId: b, field: 'comments', input: 'hi' },
        { lineId: c, field: 'budgetAmount', input: 'bad' },
      ],
      'paste',
    );
    expect(m.batches().map((batch) => [batch.action, batch.edits])).toEqual([
      ['edit', [{ lineId: a, field: 'budgetAmount', value: 7, baseRev: 1 }]],
      ['paste', [{ lineId: b, field: 'comments', value: 'hi', baseRev: 1 }]],
    ]);
  });

  it('clears what was saved, keeps conflicts with both values, and keeps cells edited during the save', () => {
    const m = model();
    m.apply(
      [
        { lineId: a, field: 'budgetAmount', input: '7' },
        { lineId: b, field: 'budgetAmount', input: '8' },
        { lineId: c, field: 'budgetAmount', input: '9' },
      ],
      'paste',
    );
    const sent = m.batches()[0]!.cells;
    m.apply([{ lineId: c, field: 'budgetAmount', input: '10' }], 'edit');
    const conflict = {
      lineId: b,
      field: 'budgetAmount' as const,
      mine: 8,
      theirs: 55,
      by: maja,
      at: '2026-01-01T10:00:00Z',
      currentRev: 3,
    };
    m.markSaved(
      sent,
      result({
        applied: 2,
        conflicts: [conflict],
        lines: [
          line(a, { budgetAmount: 7, rev: 2, changes: { budgetAmount: { rev: 2, by: me, at: 'x' } } }),
          line(c, { budgetAmount: 9, rev: 2 }),
        ],
      }),
    );
    expect(m.cellState(a, 'budgetAmount')).toBeUndefined();
    expect(m.line(a)?.budgetAmount).toBe(7);
    expect(m.cellState(b, 'budgetAmount')).toBe('conflict');
    expect(m.conflicts()).toEqual([conflict]);
    expect(m.pendingCell(c, 'budgetAmount')).toMatchObject({ value: 10, baseRev: 2 });
  });

  it('"keep mine" resends over their revision; "take theirs" drops my edit and shows their value', () => {
    const m = model();
    m.apply(
      [
        { lineId: a, field: 'budgetAmount', input: '7' },
        { lineId: b, field: 'budgetAmount', input: '8' },
      ],
      'edit',
    );
    const sent = m.batches()[0]!.cells;
    const conflictA = { lineId: a, field: 'budgetAmount' as const, mine: 7, theirs: 70, by: maja, at: 't', currentRev: 4 };
    const conflictB = { ...conflictA, lineId: b, mine: 8, theirs: 80, currentRev: 6 };
    m.markSaved(sent, result({ conflicts: [conflictA, conflictB] }));
    m.resolve(conflictA, 'mine');
    m.resolve(conflictB, 'theirs');
    expect(m.batches()[0]?.edits).toEqual([{ lineId: a, field: 'budgetAmount', value: 7, baseRev: 4 }]);
    expect(m.display(b, 'budgetAmount')).toBe(80);
    expect(m.cellState(b, 'budgetAmount')).toBe('remote');
    expect(m.conflicts()).toEqual([]);
  });
});

describe('delta sync', () => {
  const theirs = (id: string, patch: Partial<BudgetLine>, by = maja) =>
    line(id, { rev: 2, changes: { budgetAmount: { rev: 2, by, at: '2026-01-01T10:00:00Z' } }, ...patch });

  it('marks cells changed by others, ignores old revisions and my own saves', () => {
    const m = model();
    expect(
      m.mergeLines([theirs(a, { budgetAmount: 300 }), theirs(b, { budgetAmount: 400 }, me), line(c, { budgetAmount: 999, rev: 1 })]),
    ).toEqual({ lines: 2, cells: 1 });
    expect(m.display(a, 'budgetAmount')).toBe(300);
    expect(m.cellState(a, 'budgetAmount')).toBe('remote');
    expect(m.remoteMark(a, 'budgetAmount')).toEqual({ by: maja, at: '2026-01-01T10:00:00Z' });
    expect(m.cellState(b, 'budgetAmount')).toBeUndefined();
    expect(m.display(c, 'budgetAmount')).toBe(100);
  });

  it('keeps a local edit over an incoming change (a conflict on save) and drops it when equal', () => {
    const m = model();
    m.apply(
      [
        { lineId: a, field: 'budgetAmount', input: '5' },
        { lineId: b, field: 'budgetAmount', input: '400' },
      ],
      'edit',
    );
    m.mergeLines([theirs(a, { budgetAmount: 300 }), theirs(b, { budgetAmount: 400 })]);
    expect(m.display(a, 'budgetAmount')).toBe(5);
    expect(m.pendingCell(a, 'budgetAmount')?.baseRev).toBe(1);
    expect(m.cellState(a, 'budgetAmount')).toBe('local');
    expect(m.pendingCell(b, 'budgetAmount')).toBeUndefined();
  });

  it('edits to other cells of the same line stay mine and merge', () => {
    const m = model();
    m.apply([{ lineId: a, field: 'forecastSales', input: '5' }], 'edit');
    m.mergeLines([theirs(a, { budgetAmount: 300 })]);
    expect(m.display(a, 'forecastSales')).toBe(5);
    expect(m.display(a, 'budgetAmount')).toBe(300);
  });

  it('restores a draft after navigation and notifies listeners', () => {
    const m = model();
    m.apply(
      [
        { lineId: a, field: 'comments', input: 'draft' },
        { lineId: b, field: 'budgetAmount', input: 'abc' },
      ],
      'edit',
    );
    const fresh = model();
    const seen: unknown[] = [];
    fresh.subscribe((change) => seen.push(change.lineIds));
    expect(
      fresh.restore([...m.pendingCells(), { lineId: 'gone.line.q1', field: 'comments', value: 'x', baseRev: 0, action: 'edit' }]),
    ).toBe(2);
    expect(fresh.display(a, 'comments')).toBe('draft');
    expect(fresh.cellState(b, 'budgetAmount')).toBe('invalid');
    expect(seen).toEqual(['all']);
  });

  it('does not restore a draft cell that was saved meanwhile', () => {
    const m = model();
    m.mergeLines([line(a, { budgetAmount: 42, rev: 2 })]);
    expect(m.restore([{ lineId: a, field: 'budgetAmount', value: 42, baseRev: 1, action: 'edit' }])).toBe(0);
    expect(m.dirty).toBe(false);
  });
});

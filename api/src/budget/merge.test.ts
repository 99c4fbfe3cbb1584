import type { CellEdit } from '@planboard/contracts';
import type { StoredLine } from '@planboard/server';
import { mergeEdits, type SaveContext } from './merge';

function line(overrides: Partial<StoredLine> = {}): StoredLine {
  return {
    lineId: 'laptops.europe.q1',
    category: 'Laptops',
    region: 'Europe',
    quarter: 'Q1',
    budgetAmount: 100,
    forecastSales: 150,
    comments: '',
    rev: 0,
    changes: {},
    block: 'blk|000000',
    ...overrides,
  };
}
const context: SaveContext = { actor: 'erik@contoso', action: 'edit', saveId: 'save-1', at: '2026-11-21T10:00:00.000Z' };
const lines = (...items: StoredLine[]) => new Map(items.map((item) => [item.lineId, item]));
const edit = (field: CellEdit['field'], value: number | string, baseRev = 0): CellEdit =>
  ({ lineId: 'laptops.europe.q1', field, value, baseRev }) as CellEdit;

describe('merging cell edits', () => {
  it('applies an edit, bumps the line revision once and records who/when/old/new', () => {
    const result = mergeEdits(lines(line()), [edit('budgetAmount', 120), edit('comments', 'ok')], context);
    expect(result.applied).toBe(2);
    const [updated] = result.updated;
    expect(updated).toMatchObject({ budgetAmount: 120, comments: 'ok', rev: 1 });
    expect(updated?.changes.budgetAmount).toEqual({ rev: 1, by: 'erik@contoso', at: context.at });
    expect(result.entries.map((entry) => [entry.l, entry.f, entry.o, entry.n, entry.r, entry.s])).toEqual([
      ['laptops.europe.q1', 'budgetAmount', 100, 120, 1, 'save-1'],
      ['laptops.europe.q1', 'comments', '', 'ok', 1, 'save-1'],
    ]);
  });

  it('merges an edit to another cell of a line someone else changed', () => {
    const theirs = line({ rev: 3, forecastSales: 999, changes: { forecastSales: { rev: 3, by: 'maja@contoso', at: 't' } } });
    const result = mergeEdits(lines(theirs), [edit('budgetAmount', 120, 0)], context);
    expect(result.conflicts).toEqual([]);
    expect(result.updated[0]).toMatchObject({ budgetAmount: 120, forecastSales: 999, rev: 4 });
  });

  it('reports a conflict with both values when the same cell changed after the base revision', () => {
    const theirs = line({ rev: 2, budgetAmount: 130, changes: { budgetAmount: { rev: 2, by: 'maja@contoso', at: 't2' } } });
    const result = mergeEdits(lines(theirs), [edit('budgetAmount', 120, 1)], context);
    expect(result.updated).toEqual([]);
    expect(result.conflicts).toEqual([
      { lineId: 'laptops.europe.q1', field: 'budgetAmount', mine: 120, theirs: 130, by: 'maja@contoso', at: 't2', currentRev: 2 },
    ]);
  });

  it('"keep mine" (resending with the current revision) overwrites', () => {
    const theirs = line({ rev: 2, budgetAmount: 130, changes: { budgetAmount: { rev: 2, by: 'maja@contoso', at: 't2' } } });
    expect(mergeEdits(lines(theirs), [edit('budgetAmount', 120, 2)], context).updated[0]?.budgetAmount).toBe(120);
  });

  it('never applies the same save twice (retry with the same key)', () => {
    const first = mergeEdits(lines(line()), [edit('budgetAmount', 120)], context).updated[0] as StoredLine;
    const retry = mergeEdits(lines(first), [edit('budgetAmount', 120)], { ...context, alreadySaved: () => true });
    expect(retry).toMatchObject({ updated: [], entries: [], applied: 1, conflicts: [] });
  });

  it('reports a cell changed by someone else after an earlier attempt of the same save as a conflict', () => {
    const changed = line({ rev: 2, budgetAmount: 130, changes: { budgetAmount: { rev: 2, by: 'maja@contoso', at: 't2' } } });
    const retry = mergeEdits(lines(changed), [edit('budgetAmount', 120)], { ...context, alreadySaved: () => true });
    expect(retry.updated).toEqual([]);
    expect(retry.conflicts).toEqual([
      { lineId: 'laptops.europe.q1', field: 'budgetAmount', mine: 120, theirs: 130, by: 'maja@contoso', at: 't2', currentRev: 2 },
    ]);
  });

  it('treats an unchanged value as no change and lets the last edit of a cell win', () => {
    expect(mergeEdits(lines(line()), [edit('budgetAmount', 100)], context)).toMatchObject({ unchanged: 1, updated: [] });
    expect(mergeEdits(lines(line()), [edit('budgetAmount', 1), edit('budgetAmount', 2)], context).updated[0]?.budgetAmount).toBe(2);
  });
});

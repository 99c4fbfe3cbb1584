import { describe, expect, it } from '@jest/globals';
import type { PendingCell } from './cells';
import { draftKey, loadDraft, saveDraft, type DraftStore } from './drafts';

const memory = (): DraftStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};
const cells: PendingCell[] = [
  { lineId: 'a.b.q1', field: 'budgetAmount', value: 5, baseRev: 3, action: 'paste' },
  { lineId: 'a.b.q2', field: 'forecastSales', raw: 'abc', error: 'not a number', baseRev: 1, action: 'edit' },
];

describe('drafts', () => {
  it('round-trips unsaved cells per user, plan and business unit', () => {
    const store = memory();
    const key = draftKey('erik@contoso', 'fy2027', 'sales-north');
    expect(saveDraft(store, key, cells)).toBe(true);
    expect(loadDraft(store, key)).toEqual(cells);
    expect(loadDraft(store, draftKey('maja@contoso', 'fy2027', 'sales-north'))).toEqual([]);
    saveDraft(store, key, []);
    expect(store.data.size).toBe(0);
  });

  it('ignores malformed entries and storage failures', () => {
    const store = memory();
    store.setItem(
      'k',
      JSON.stringify({ v: 1, cells: [...cells, { lineId: 'x', field: 'category', value: 1, baseRev: 0, action: 'edit' }, null] }),
    );
    expect(loadDraft(store, 'k')).toEqual(cells);
    store.setItem('k', '{not json');
    expect(loadDraft(store, 'k')).toEqual([]);
    const full: DraftStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(saveDraft(full, 'k', cells)).toBe(false);
  });
});

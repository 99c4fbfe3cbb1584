import type { BudgetLine } from '@planboard/contracts';
import { blockWrite, decodeBlock, inlineAudit, linesPerBlock, newPlanBlocks, packJson, unpackJson } from './blocks';
import type { HistoryEntry } from './line-entity';

const line = (lineId: string, comments = ''): BudgetLine => ({
  lineId,
  category: 'Laptops',
  region: 'Europe',
  quarter: 'Q1',
  budgetAmount: 1,
  forecastSales: 2,
  comments,
  rev: 0,
  changes: {},
});
const entry = (l: string, r: number): HistoryEntry => ({
  l,
  f: 'budgetAmount',
  o: 1,
  n: 2,
  by: 'erik',
  at: 't',
  a: 'edit',
  r,
  s: `save-${r}`,
});

describe('budget blocks', () => {
  it('keeps small plans at one line per block and packs 50,000 lines into 2,000 blocks', () => {
    expect(linesPerBlock(120)).toBe(1);
    expect(linesPerBlock(2000)).toBe(1);
    expect(linesPerBlock(50_000)).toBe(25);
    const lines = Array.from({ length: 50_000 }, (_, i) => line(`c${i}.r.q`));
    const blocks = newPlanBlocks('p|bu', lines);
    expect(blocks).toHaveLength(2000);
    const decoded = blocks.map((entity) => decodeBlock(entity));
    const ids = decoded.flatMap((block) => block.lines.map((item) => item.lineId));
    expect(ids).toEqual(lines.map((item) => item.lineId).sort());
    expect(new Set(blocks.map((block) => block.rowKey)).size).toBe(2000);
  });

  it('splits JSON over properties Table Storage accepts (≤ 32K characters each) and joins it back', () => {
    const value = Array.from({ length: 40 }, (_, i) => line(`c${i}.r.q`, 'é'.repeat(2000)));
    const packed = packJson('d', value);
    expect(packed.dn).toBeGreaterThan(1);
    for (const [key, text] of Object.entries(packed)) if (key !== 'dn') expect(String(text).length).toBeLessThanOrEqual(30_000);
    expect(unpackJson(packed, 'd', [])).toEqual(value);
    expect(unpackJson({}, 'd', 'none')).toBe('none');
  });

  it('writes a revision as new lines plus its own audit property, and reads the audit back in revision order', () => {
    const [entity] = newPlanBlocks('p|bu', [line('a.b.c')]);
    const first = decodeBlock({ ...entity, etag: 'e1' });
    const rev1 = blockWrite('p|bu', first, [{ ...line('a.b.c'), budgetAmount: 2, rev: 1 }], [entry('a.b.c', 1)], 'save-1');
    const second = decodeBlock({ ...entity, ...rev1 });
    expect(second).toMatchObject({ rev: 1, saves: ['save-1'], auditProps: 2 });
    expect(second.lines[0]?.budgetAmount).toBe(2);
    const rev2 = blockWrite('p|bu', second, second.lines, [entry('a.b.c', 2)], 'save-2');
    expect(inlineAudit({ ...entity, ...rev1, ...rev2 }).map((item) => item.r)).toEqual([1, 2]);
    expect(decodeBlock({ ...entity, ...rev1, ...rev2 }).saves).toEqual(['save-1', 'save-2']);
  });
});

import { describe, expect, it } from '@jest/globals';
import { completionTone, heatColorIndex } from './progressTone';
import { dayFromHash, dayFromSubPage, dayHref } from './trainingRoute';

describe('training routes', () => {
  it('reads the day from the tab link, the card link and a Teams sub-entity', () => {
    expect(dayFromHash('#/training/5')).toBe(5);
    expect(dayFromHash('#/training?day=7')).toBe(7);
    expect(dayFromHash('#/training')).toBeUndefined();
    expect(dayFromHash('#/kpis/5')).toBeUndefined();
    expect(dayFromHash('#/training/0')).toBeUndefined();
    expect(dayFromHash('#/training/<script>')).toBeUndefined();
    expect(dayFromSubPage('day:3')).toBe(3);
    expect(dayFromSubPage('kpi:dept:x')).toBeUndefined();
    expect(dayHref(4)).toBe('#/training/4');
  });

  it('describes completion in words and buckets it for the heat map', () => {
    expect(completionTone(0)).toBe('Not started');
    expect(completionTone(40)).toBe('40 % done');
    expect(completionTone(100)).toBe('Complete');
    expect([0, 1, 30, 60, 99, 100].map(heatColorIndex)).toEqual([0, 1, 1, 2, 3, 4]);
  });
});

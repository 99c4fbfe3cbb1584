import { describe, expect, it } from '@jest/globals';
import type { CountPoint } from '@planboard/contracts';
import { countsByEnvironment, countsSummary, percentText } from './performanceData';
import { performanceQuery } from './performanceApi';

const point = (environment: string, completed: number, failed = 0): CountPoint => ({
  at: '2026-12-07T10:00:00.000Z',
  environment,
  completed,
  failed,
  cancelled: 0,
  disabled: 0,
});

describe('performance view data', () => {
  it('leaves empty filters out of the query string', () => {
    expect(performanceQuery({ window: '7d', environment: 'Prod', module: '' })).toBe('window=7d&environment=Prod');
  });

  it('groups counts by environment and says them in words', () => {
    const points = [point('Test', 2), point('Prod', 3, 1), point('Test', 1)];
    expect(countsByEnvironment(points).map(([environment, list]) => [environment, list.length])).toEqual([
      ['Prod', 1],
      ['Test', 2],
    ]);
    expect(countsSummary(points)).toBe('7 refreshes: 6 completed, 1 failed.');
    expect(countsSummary([])).toBe('No refreshes in this window.');
    expect(percentText(0.1234)).toBe('12.3 %');
  });
});

import { describe, expect, it } from '@jest/globals';
import { dayPartName, labourPerSaleText, moneyText, recentWeeks, salesPerHourText, weekLabel } from './storesView';

describe('Stores page view helpers', () => {
  it('covers the last 12 ISO weeks up to today', () => {
    expect(recentWeeks(new Date('2026-12-09T10:00:00Z'))).toEqual({ from: '2026-09-21', to: '2026-12-09' });
    expect(recentWeeks(new Date('2026-12-07T00:30:00Z'), 1)).toEqual({ from: '2026-12-07', to: '2026-12-07' });
  });

  it('says figures in words', () => {
    expect(dayPartName('late')).toBe('Late night');
    expect(moneyText(1234.5)).toBe('€1,235');
    expect(labourPerSaleText({ labourHoursPerTransaction: 0.1 })).toBe('6.0 min');
    expect(labourPerSaleText({ labourHoursPerTransaction: null })).toBe('no sales');
    expect(salesPerHourText({ salesPerLabourHour: null })).toBe('no labour hours');
    expect(weekLabel('2026-W46', '2026-11-09')).toBe('Week 46, 9 Nov');
  });
});

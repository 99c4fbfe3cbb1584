import { describe, expect, it } from '@jest/globals';
import { kpiFromHash, kpiFromSubPage, kpiHref } from './kpiRoute';

describe('KPI links', () => {
  const ref = { departmentId: 'dept-sales', kpiId: 'win-rate' };

  it('reads the tab link and the alert card link, and ignores anything else', () => {
    expect(kpiFromHash(kpiHref(ref))).toEqual(ref);
    expect(kpiFromHash('#/kpis?department=dept-sales&kpi=win-rate')).toEqual(ref);
    expect(kpiFromHash('#/kpis')).toBeUndefined();
    expect(kpiFromHash('#/budget/dept-sales/win-rate')).toBeUndefined();
    expect(kpiFromHash('#/kpis/dept-sales/<script>')).toBeUndefined();
  });

  it('reads a Teams sub-entity id', () => {
    expect(kpiFromSubPage('kpi:dept-sales:win-rate')).toEqual(ref);
    expect(kpiFromSubPage('plan:fy2027:sales-north')).toBeUndefined();
    expect(kpiFromSubPage(undefined)).toBeUndefined();
  });
});

import type { PageDef } from './definitions';
import { money } from './definitions';

const departmentLookup = { table: 'Department', key: 'ScopeId', label: 'Name' };

/** "KPI Dashboard" over the KPI Monitoring model (RLS filters `Department`, which filters `KpiPoints`). */
export function kpiModelPages(): PageDef[] {
  return [
    {
      name: 'ReportSection1',
      displayName: 'KPIs',
      visuals: [
        {
          name: 'kpiValues',
          title: 'Average value by KPI',
          type: 'barChart',
          query: `EVALUATE SUMMARIZECOLUMNS('KpiPoints'[KpiName], "Value", AVERAGE('KpiPoints'[Value])) ORDER BY 'KpiPoints'[KpiName]`,
          columns: [{ key: 'KpiPoints[KpiName]', header: 'KPI' }, money('Value', 'Average value')],
        },
        {
          name: 'kpiTable',
          title: 'KPI values by department and period',
          type: 'tableEx',
          query: [
            "EVALUATE SUMMARIZECOLUMNS('KpiPoints'[Department], 'KpiPoints'[KpiName], 'KpiPoints'[Date],",
            `  "Value", SUM('KpiPoints'[Value]), "Target", SUM('KpiPoints'[Target]))`,
            "ORDER BY 'KpiPoints'[Department], 'KpiPoints'[KpiName], 'KpiPoints'[Date]",
          ].join('\n'),
          columns: [
            { key: 'KpiPoints[Department]', header: 'Department', lookup: departmentLookup },
            { key: 'KpiPoints[KpiName]', header: 'KPI' },
            { key: 'KpiPoints[Date]', header: 'Week of' },
            money('Value', 'Value'),
            money('Target', 'Target'),
          ],
        },
      ],
    },
  ];
}

/** "KPI Live Feed" over the push dataset's `DataPoints` (no RLS: what the KPI module pushed since the dataset was created). */
export function kpiPushPages(): PageDef[] {
  return [
    {
      name: 'ReportSection1',
      displayName: 'KPIs',
      visuals: [
        {
          name: 'kpiValues',
          title: 'Average value by KPI',
          type: 'barChart',
          query: `EVALUATE SUMMARIZECOLUMNS('DataPoints'[KpiName], "Value", AVERAGE('DataPoints'[Value])) ORDER BY 'DataPoints'[KpiName]`,
          columns: [{ key: 'DataPoints[KpiName]', header: 'KPI' }, money('Value', 'Average value')],
        },
        {
          name: 'kpiTable',
          title: 'KPI values by department and period',
          type: 'tableEx',
          query: [
            "EVALUATE SUMMARIZECOLUMNS('DataPoints'[Department], 'DataPoints'[KpiName], 'DataPoints'[Period],",
            `  "Value", SUM('DataPoints'[Value]), "Target", SUM('DataPoints'[Target]))`,
            "ORDER BY 'DataPoints'[Department], 'DataPoints'[KpiName], 'DataPoints'[Period]",
          ].join('\n'),
          columns: [
            { key: 'DataPoints[Department]', header: 'Department' },
            { key: 'DataPoints[KpiName]', header: 'KPI' },
            { key: 'DataPoints[Period]', header: 'Period' },
            money('Value', 'Value'),
            money('Target', 'Target'),
          ],
        },
      ],
    },
  ];
}

import {
  budgetBlockEntities,
  businessUnits,
  planShapeOf,
  quarters,
  sampleBudgetLines,
  departments,
  sampleKpiEntities,
  sampleKpis,
  pushRows,
  sampleStoreSalesEntities,
} from '@planboard/server';
import type { DataRow, ModelTable, SemanticModel } from '../model/types';
import { budgetRows, kpiRows, storeSalesRows } from '../refresh/import';
import { seededRandom } from './random';
import { budgetRoles, businessUnitTable, departmentTable, kpiRoles, securityTable, storeRoles, storeTable } from './security';

const text = (name: string) => ({ name, dataType: 'String' });
const number = (name: string) => ({ name, dataType: 'Double' });

/** `Budget`: the budget lines of the app's `budget` table (only `blk|` rows hold lines). */
function budgetTable(): ModelTable {
  return {
    name: 'Budget',
    binding: 'budgetLines',
    columns: [
      text('PlanId'),
      text('BusinessUnit'),
      text('LineId'),
      text('Category'),
      text('Region'),
      text('Quarter'),
      number('BudgetAmount'),
      number('ForecastSales'),
      text('Comments'),
    ],
    rows: budgetBlockEntities(sampleBudgetLines()).flatMap(budgetRows),
  };
}

/** `Actuals`: previous fiscal year (FY2026) per BU × category × region × quarter, deterministic. */
export function actualRows(): DataRow[] {
  const random = seededRandom('actuals:FY2026');
  return businessUnits.flatMap((bu) =>
    planShapeOf(bu.id).categories.flatMap((category) =>
      planShapeOf(bu.id).regions.flatMap((region) =>
        quarters.map((quarter) => {
          const sales = Math.round((15_000 + random() * 200_000) / 100) * 100;
          return {
            FiscalYear: 'FY2026',
            BusinessUnit: bu.id,
            Category: category,
            Region: region,
            Quarter: quarter,
            ActualSales: sales,
            ActualCost: Math.round((sales * (0.55 + random() * 0.3)) / 100) * 100,
          };
        }),
      ),
    ),
  );
}

/** The budget model: Budget + Actuals facts, BusinessUnit dimension, Security for dynamic RLS. */
export function budgetModel(): SemanticModel {
  return {
    tables: [
      budgetTable(),
      {
        name: 'Actuals',
        columns: [
          text('FiscalYear'),
          text('BusinessUnit'),
          text('Category'),
          text('Region'),
          text('Quarter'),
          number('ActualSales'),
          number('ActualCost'),
        ],
        rows: actualRows(),
      },
      businessUnitTable(),
      securityTable(),
    ],
    relationships: [
      {
        name: 'Budget_BusinessUnit',
        fromTable: 'Budget',
        fromColumn: 'BusinessUnit',
        toTable: 'BusinessUnit',
        toColumn: 'ScopeId',
        crossFilteringBehavior: 'OneDirection',
      },
      {
        name: 'Actuals_BusinessUnit',
        fromTable: 'Actuals',
        fromColumn: 'BusinessUnit',
        toTable: 'BusinessUnit',
        toColumn: 'ScopeId',
        crossFilteringBehavior: 'OneDirection',
      },
      {
        name: 'Security_BusinessUnit',
        fromTable: 'Security',
        fromColumn: 'ScopeId',
        toTable: 'BusinessUnit',
        toColumn: 'ScopeId',
        crossFilteringBehavior: 'BothDirections',
      },
    ],
    roles: budgetRoles(),
  };
}

/**
 * The store model: the Store dimension (the `scopes` table), Sales bound to the app's `storesales`
 * table (a refresh re-reads it after a pipeline run) and Security for RLS on stores. Its first rows
 * are the sample tenant's seeded weeks, exactly as a refresh of the seeded storage would import them.
 */
export function storeModel(): SemanticModel {
  const sales = storeSalesRows(sampleStoreSalesEntities(new Date()).map((entity) => ({ ...entity })));
  return {
    tables: [
      storeTable(),
      {
        name: 'Sales',
        binding: 'storeSales',
        columns: [
          text('StoreId'),
          text('StoreNumber'),
          { name: 'Date', dataType: 'DateTime' },
          text('DayPart'),
          number('Amount'),
          number('Transactions'),
          number('LabourHours'),
        ],
        rows: sales,
      },
      securityTable(),
    ],
    relationships: [
      {
        name: 'Sales_Store',
        fromTable: 'Sales',
        fromColumn: 'StoreId',
        toTable: 'Store',
        toColumn: 'StoreId',
        crossFilteringBehavior: 'OneDirection',
      },
    ],
    roles: storeRoles(),
  };
}

/**
 * The KPI model behind the KPI Dashboard: `KpiPoints` (the app's `kpis` + `kpipoints` tables),
 * the `Department` dimension and `Security`, with dynamic RLS on departments as in the budget
 * model. Its first rows are the sample tenant's KPIs, exactly as a refresh would import them.
 */
export function kpiModel(): SemanticModel {
  const sample = sampleKpiEntities();
  return {
    tables: [
      {
        name: 'KpiPoints',
        binding: 'kpiPoints',
        columns: [
          text('Department'),
          text('KpiId'),
          text('KpiName'),
          { name: 'Date', dataType: 'DateTime' },
          text('Period'),
          number('Value'),
          number('Target'),
          text('Author'),
        ],
        rows: kpiRows(sample.definitions, sample.points),
      },
      departmentTable(),
      securityTable(),
    ],
    relationships: [
      {
        name: 'KpiPoints_Department',
        fromTable: 'KpiPoints',
        fromColumn: 'Department',
        toTable: 'Department',
        toColumn: 'ScopeId',
        crossFilteringBehavior: 'OneDirection',
      },
      {
        name: 'Security_Department',
        fromTable: 'Security',
        fromColumn: 'ScopeId',
        toTable: 'Department',
        toColumn: 'ScopeId',
        crossFilteringBehavior: 'BothDirections',
      },
    ],
    roles: kpiRoles(),
  };
}

/** A one-table model with deterministic rows, for the datasets the app only lists and refreshes. */
export function simpleModel(table: string, columns: { name: string; dataType: string }[], rowCount: number, seed: string): SemanticModel {
  const random = seededRandom(seed);
  const rows = Array.from({ length: rowCount }, (_, index) =>
    Object.fromEntries(
      columns.map((column) => [
        column.name,
        column.dataType === 'Double' ? Math.round(random() * 1000) / 10 : `${column.name} ${index % 12}`,
      ]),
    ),
  );
  return { tables: [{ name: table, columns, rows }], relationships: [], roles: [] };
}

/**
 * The KPI push dataset's table (the KPI module may PUT its own schema), holding the sample
 * tenant's points as the KPI module would have pushed them when they were recorded.
 */
export function kpiPushTables(): ModelTable[] {
  return [
    {
      name: 'DataPoints',
      columns: [
        text('KpiId'),
        text('KpiName'),
        text('Department'),
        { name: 'Date', dataType: 'DateTime' },
        text('Period'),
        number('Value'),
        number('Target'),
        text('Status'),
        text('Author'),
      ],
      rows: sampleKpis().flatMap(({ kpi, points }) =>
        pushRows(kpi, departments.find((department) => department.id === kpi.departmentId)?.name ?? kpi.departmentId, points),
      ),
    },
  ];
}

import type { SemanticModel } from '../model/types';
import { kpiModelPages, kpiPushPages } from './kpi-pages';

/** Replaces a key column's values by a label from a dimension table (scope id → "Sales North"). */
export interface Lookup {
  table: string;
  key: string;
  label: string;
}

/** One column a visual shows: the result column (`Table[Col]` or `[Measure]`) and its header. */
export interface VisualColumn {
  key: string;
  header: string;
  numeric?: boolean;
  lookup?: Lookup;
}

/**
 * A visual of an emulated report page: a DAX query (the engine's subset) and how to draw it.
 * `barChart` draws the first column as categories and the second as bar lengths; `tableEx`
 * (Power BI's name for the table visual) shows every column.
 */
export interface VisualDef {
  name: string;
  title: string;
  type: 'barChart' | 'tableEx';
  query: string;
  columns: VisualColumn[];
}

/** A report page (`name` is the stable id powerbi-client uses, like Power BI's `ReportSection…`). */
export interface PageDef {
  name: string;
  displayName: string;
  visuals: VisualDef[];
}

const businessUnitLookup: Lookup = { table: 'BusinessUnit', key: 'ScopeId', label: 'Name' };
export const money = (key: string, header: string): VisualColumn => ({ key: `[${key}]`, header, numeric: true });
const has = (model: SemanticModel, ...names: string[]) =>
  names.every((name) => model.tables.some((table) => table.name.toLowerCase() === name.toLowerCase()));

/** "Budget Overview": the budget model, by business unit (BusinessUnit → Budget/Actuals carries RLS). */
function budgetPages(): PageDef[] {
  return [
    {
      name: 'ReportSection1',
      displayName: 'Budget overview',
      visuals: [
        {
          name: 'budgetByUnit',
          title: 'Budget by business unit',
          type: 'barChart',
          query: `EVALUATE SUMMARIZECOLUMNS('BusinessUnit'[Name], "Budget", SUM('Budget'[BudgetAmount])) ORDER BY 'BusinessUnit'[Name]`,
          columns: [{ key: 'BusinessUnit[Name]', header: 'Business unit' }, money('Budget', 'Budget')],
        },
        {
          name: 'budgetTable',
          title: 'Budget and forecast by business unit and category',
          type: 'tableEx',
          query: [
            "EVALUATE SUMMARIZECOLUMNS('Budget'[PlanId], 'Budget'[BusinessUnit], 'Budget'[Category],",
            `  "Budget", SUM('Budget'[BudgetAmount]), "Forecast", SUM('Budget'[ForecastSales]))`,
            "ORDER BY 'Budget'[PlanId], 'Budget'[BusinessUnit], 'Budget'[Category]",
          ].join('\n'),
          columns: [
            { key: 'Budget[PlanId]', header: 'Plan' },
            { key: 'Budget[BusinessUnit]', header: 'Business unit', lookup: businessUnitLookup },
            { key: 'Budget[Category]', header: 'Category' },
            money('Budget', 'Budget'),
            money('Forecast', 'Forecast sales'),
          ],
        },
      ],
    },
    {
      name: 'ReportSection2',
      displayName: 'Actuals FY2026',
      visuals: [
        {
          name: 'actualsByUnit',
          title: 'Actual sales by business unit',
          type: 'barChart',
          query: `EVALUATE SUMMARIZECOLUMNS('BusinessUnit'[Name], "Actual sales", SUM('Actuals'[ActualSales])) ORDER BY 'BusinessUnit'[Name]`,
          columns: [{ key: 'BusinessUnit[Name]', header: 'Business unit' }, money('Actual sales', 'Actual sales')],
        },
        {
          name: 'actualsTable',
          title: 'Actuals by business unit and quarter',
          type: 'tableEx',
          query: [
            "EVALUATE SUMMARIZECOLUMNS('Actuals'[BusinessUnit], 'Actuals'[Quarter],",
            `  "Actual sales", SUM('Actuals'[ActualSales]), "Actual cost", SUM('Actuals'[ActualCost]))`,
            "ORDER BY 'Actuals'[BusinessUnit], 'Actuals'[Quarter]",
          ].join('\n'),
          columns: [
            { key: 'Actuals[BusinessUnit]', header: 'Business unit', lookup: businessUnitLookup },
            { key: 'Actuals[Quarter]', header: 'Quarter' },
            money('Actual sales', 'Actual sales'),
            money('Actual cost', 'Actual cost'),
          ],
        },
      ],
    },
  ];
}

/** "Store Performance": stores and their sales (RLS filters `Store`, which filters `Sales`). */
function storePages(): PageDef[] {
  return [
    {
      name: 'ReportSection1',
      displayName: 'Sales by store',
      visuals: [
        {
          name: 'salesByStore',
          title: 'Sales by store',
          type: 'barChart',
          query: `EVALUATE SUMMARIZECOLUMNS('Store'[Name], "Sales", SUM('Sales'[Amount])) ORDER BY 'Store'[Name]`,
          columns: [{ key: 'Store[Name]', header: 'Store' }, money('Sales', 'Sales')],
        },
        {
          name: 'storeTable',
          title: 'Stores',
          type: 'tableEx',
          query: `EVALUATE SUMMARIZECOLUMNS('Store'[StoreNumber], 'Store'[Name], 'Store'[BusinessUnit], "Sales", SUM('Sales'[Amount])) ORDER BY 'Store'[StoreNumber]`,
          columns: [
            { key: 'Store[StoreNumber]', header: 'Store number' },
            { key: 'Store[Name]', header: 'Store' },
            { key: 'Store[BusinessUnit]', header: 'Business unit' },
            money('Sales', 'Sales'),
          ],
        },
      ],
    },
    {
      name: 'ReportSection2',
      displayName: 'Sales by day part',
      visuals: [
        {
          name: 'salesByDayPart',
          title: 'Sales by day part',
          type: 'barChart',
          query: `EVALUATE SUMMARIZECOLUMNS('Sales'[DayPart], "Sales", SUM('Sales'[Amount])) ORDER BY 'Sales'[DayPart]`,
          columns: [{ key: 'Sales[DayPart]', header: 'Day part' }, money('Sales', 'Sales')],
        },
        {
          name: 'dayPartTable',
          title: 'Day parts',
          type: 'tableEx',
          query: `EVALUATE SUMMARIZECOLUMNS('Sales'[DayPart], "Sales", SUM('Sales'[Amount]), "Transactions", SUM('Sales'[Transactions]), "Labour hours", SUM('Sales'[LabourHours])) ORDER BY 'Sales'[DayPart]`,
          columns: [
            { key: 'Sales[DayPart]', header: 'Day part' },
            money('Sales', 'Sales'),
            money('Transactions', 'Transactions'),
            money('Labour hours', 'Labour hours'),
          ],
        },
      ],
    },
  ];
}

const numericTypes = new Set(['double', 'int64', 'decimal']);

/** Any other dataset: its first visible table as a table, and a bar chart when it has a text and a number column. */
function genericPages(model: SemanticModel): PageDef[] {
  const table = model.tables.find((candidate) => !candidate.isHidden) ?? model.tables[0];
  if (!table) return [{ name: 'ReportSection1', displayName: 'Page 1', visuals: [] }];
  const text = table.columns.find((column) => column.dataType.toLowerCase() === 'string');
  const number = table.columns.find((column) => numericTypes.has(column.dataType.toLowerCase()));
  const visuals: VisualDef[] = [];
  if (text && number) {
    visuals.push({
      name: 'summary',
      title: `${number.name} by ${text.name}`,
      type: 'barChart',
      query: `EVALUATE SUMMARIZECOLUMNS('${table.name}'[${text.name}], "Total", SUM('${table.name}'[${number.name}])) ORDER BY '${table.name}'[${text.name}]`,
      columns: [{ key: `${table.name}[${text.name}]`, header: text.name }, money('Total', number.name)],
    });
  }
  visuals.push({
    name: 'rows',
    title: table.name,
    type: 'tableEx',
    query: `EVALUATE '${table.name}'`,
    columns: table.columns.map((column) => ({
      key: `${table.name}[${column.name}]`,
      header: column.name,
      numeric: numericTypes.has(column.dataType.toLowerCase()),
    })),
  });
  return [{ name: 'ReportSection1', displayName: table.name, visuals }];
}

function pagesFor(model: SemanticModel): PageDef[] {
  if (has(model, 'Budget', 'BusinessUnit')) return budgetPages();
  if (has(model, 'Store', 'Sales')) return storePages();
  if (has(model, 'KpiPoints', 'Department')) return kpiModelPages();
  if (has(model, 'DataPoints')) return kpiPushPages();
  return genericPages(model);
}

/**
 * The pages of a report. Page ids come from the report (what `getPages()` names and
 * `setActive()` addresses); the visuals are chosen by the shape of its dataset: the sample
 * tenant's budget, store and KPI models get purpose-built pages, anything else a generic view
 * of its first table. A report with more pages than its dataset has views repeats the last one.
 */
export function reportPages(model: SemanticModel, pages: readonly { name: string; displayName: string }[]): PageDef[] {
  const views = pagesFor(model);
  if (pages.length === 0) return views;
  return pages.map((page, index) => {
    const view = views[Math.min(index, views.length - 1)] ?? { displayName: page.displayName, visuals: [] };
    return { name: page.name, displayName: views[index] ? view.displayName : page.displayName, visuals: view.visuals };
  });
}

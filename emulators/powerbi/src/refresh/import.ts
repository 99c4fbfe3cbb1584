import { TableClient } from '@azure/data-tables';
import { decodeBlock, statusOf, storeScopeId, storeTableNames } from '@planboard/server';
import type { DataRow, TableBinding } from '../model/types';
import { assertNever } from '../util/assert-never';

/** Loads the rows of a bound table (a refresh calls this for each bound table of the dataset). */
export type TableImporter = (binding: TableBinding) => Promise<DataRow[]>;

/** An entity as the Table Storage SDK returns it. */
export type Entity = { partitionKey?: string; rowKey?: string } & Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function number(raw: unknown): number | null {
  // An entity about to be written types its numbers (`{ value, type: 'Double' }`); a read one has them plain.
  const value = raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
  const parsed = typeof value === 'number' ? value : Number(value);
  return value === undefined || value === null || value === '' || Number.isNaN(parsed) ? null : parsed;
}

/**
 * The rows of the `Budget` table held by one block entity of the app's `budget` table
 * (`<planId>|<scopeId>`, `blk|<n>`: a few lines each; server/src/budget/blocks.ts is the format).
 */
export function budgetRows(entity: Entity): DataRow[] {
  const [planId = '', scopeId = ''] = text(entity.partitionKey).split('|');
  return decodeBlock(entity).lines.map((line) => ({
    PlanId: planId,
    BusinessUnit: scopeId,
    LineId: line.lineId,
    Category: line.category,
    Region: line.region,
    Quarter: line.quarter,
    BudgetAmount: number(line.budgetAmount),
    ForecastSales: number(line.forecastSales),
    Comments: line.comments,
  }));
}

/**
 * The `Security` table: one row per grant with the grantee's UPN, built from the `grants`
 * (`<tid>|<oid>`, `grant|<scopeId>`), `users` (`tid`, `oid` → `upn`) and `scopes` tables, so
 * dynamic RLS on USERPRINCIPALNAME() enforces the same grants as the API.
 */
export function securityRows(users: Entity[], grants: Entity[], scopes: Entity[]): DataRow[] {
  const upnOf = new Map(users.map((user) => [`${text(user.partitionKey)}|${text(user.rowKey)}`, text(user.upn).toLowerCase()]));
  const typeOf = new Map(scopes.map((scope) => [text(scope.rowKey), text(scope.type)]));
  return grants
    .filter((grant) => text(grant.rowKey).startsWith('grant|') && upnOf.has(text(grant.partitionKey)))
    .map((grant) => {
      const scopeId = text(grant.scopeId) || text(grant.rowKey).slice('grant|'.length);
      return {
        UPN: upnOf.get(text(grant.partitionKey)) ?? '',
        ScopeId: scopeId,
        ScopeType: typeOf.get(scopeId) ?? '',
        Level: text(grant.level),
      };
    });
}

/**
 * The `KpiPoints` table: one row per data point of the app's `kpipoints` table
 * (`<departmentId>|<kpiId>`, `pt|<periodStart>|<period>`) whose KPI is defined in `kpis`
 * (`<departmentId>`, `kpi|<kpiId>`), keyed by department id so RLS on departments applies.
 */
export function kpiRows(definitions: Entity[], points: Entity[]): DataRow[] {
  const names = new Map(
    definitions
      .filter((definition) => text(definition.rowKey).startsWith('kpi|'))
      .map((definition) => [`${text(definition.partitionKey)}|${text(definition.rowKey).slice('kpi|'.length)}`, text(definition.name)]),
  );
  return points
    .filter((point) => text(point.rowKey).startsWith('pt|') && names.has(text(point.partitionKey)))
    .map((point) => {
      const key = text(point.partitionKey);
      const split = key.indexOf('|');
      return {
        Department: key.slice(0, split),
        KpiId: key.slice(split + 1),
        KpiName: names.get(key) ?? '',
        Date: `${text(point.periodStart)}T00:00:00.000Z`,
        Period: text(point.period),
        Value: number(point.value),
        Target: number(point.target),
        Author: text(point.author),
      };
    });
}

/**
 * The `Sales` table of the store model: one row per `storesales` row (partition the six-digit
 * store, row `<date>|<dayPart>`; server/src/stores/tables.ts), keyed by the store's scope id so
 * RLS on stores applies through the `Store` dimension.
 */
export function storeSalesRows(entities: Entity[]): DataRow[] {
  return entities
    .filter((entity) => /^\d{6}$/.test(text(entity.partitionKey)) && /^\d{4}-\d{2}-\d{2}$/.test(text(entity.date)))
    .map((entity) => ({
      StoreId: storeScopeId(text(entity.partitionKey)),
      StoreNumber: text(entity.partitionKey),
      Date: `${text(entity.date)}T00:00:00.000Z`,
      DayPart: text(entity.dayPart),
      Amount: number(entity.netSales),
      Transactions: number(entity.transactions),
      LabourHours: number(entity.labourHours),
    }));
}

const scopeTypeOf = { businessUnits: 'businessUnit', stores: 'store', departments: 'department' } as const;

/** Scopes of one type as dimension rows (`BusinessUnit`/`Department`: ScopeId, Name; `Store`: StoreId, Name, BusinessUnit). */
export function scopeRows(scopes: Entity[], binding: keyof typeof scopeTypeOf): DataRow[] {
  const type = scopeTypeOf[binding];
  return scopes
    .filter((scope) => text(scope.type) === type)
    .map((scope): DataRow =>
      binding !== 'stores'
        ? { ScopeId: text(scope.rowKey), Name: text(scope.name) }
        : {
            StoreId: text(scope.rowKey),
            StoreNumber: text(scope.rowKey).replace(/^store-/, ''),
            Name: text(scope.name),
            BusinessUnit: text(scope.parentId),
          },
    );
}

async function listAll(client: TableClient, filter?: string): Promise<Entity[]> {
  const entities: Entity[] = [];
  for await (const entity of client.listEntities<Record<string, unknown>>(filter ? { queryOptions: { filter } } : {}))
    entities.push(entity);
  return entities;
}

/** The app's table names (server/src/storage/tables.ts); tests point the emulator at their own copies. */
export interface StorageTableNames {
  budget: string;
  users: string;
  grants: string;
  scopes: string;
  kpis: string;
  kpiPoints: string;
  storeSales: string;
}

/** The names the app uses (server/src/storage/tables.ts). */
export const defaultTableNames: StorageTableNames = {
  budget: 'budget',
  users: 'users',
  grants: 'grants',
  scopes: 'scopes',
  kpis: 'kpis',
  kpiPoints: 'kpipoints',
  storeSales: storeTableNames.sales,
};

/** Reads bound tables from Table Storage (Azurite locally), as a refresh of an import model would. */
export function storageImporter(connectionString: string, names: StorageTableNames = defaultTableNames): TableImporter {
  const insecure = /DefaultEndpointsProtocol=http;|TableEndpoint=http:/i.test(connectionString);
  const table = (name: keyof StorageTableNames): TableClient =>
    TableClient.fromConnectionString(connectionString, names[name], { allowInsecureConnection: insecure });
  return async (binding) => {
    switch (binding) {
      case 'budgetLines':
        // Only `blk|<n>` rows hold lines; the same partitions also hold audit archives (`audit|…`),
        // import previews and the plan header (`blk|!plan`, which sorts before `blk|0`).
        return (await listAll(table('budget'), "RowKey ge 'blk|0' and RowKey lt 'blk}'")).flatMap(budgetRows);
      case 'securityGrants': {
        const [users, grants, scopes] = await Promise.all([
          listAll(table('users')),
          listAll(table('grants'), "RowKey ge 'grant|' and RowKey lt 'grant}'"),
          listAll(table('scopes')),
        ]);
        return securityRows(users, grants, scopes);
      }
      case 'kpiPoints': {
        const [definitions, points] = await Promise.all([listAll(table('kpis')), listAll(table('kpiPoints'))]);
        return kpiRows(definitions, points);
      }
      case 'storeSales':
        try {
          return storeSalesRows(await listAll(table('storeSales')));
        } catch (error) {
          // Before the store pipeline's first load the table does not exist: the model is empty, not failed.
          if (statusOf(error) === 404) return [];
          throw error;
        }
      case 'businessUnits':
      case 'departments':
      case 'stores':
        return scopeRows(await listAll(table('scopes'), "PartitionKey eq 'scope'"), binding);
      default:
        return assertNever(binding);
    }
  };
}

import { ApiError, entityNotFound, invalidRequest, throttled } from '../http/errors';
import { defaultSchedule } from '../model/state';
import type { ColumnDef, DatasetState, ModelRelationship, ModelTable } from '../model/types';
import { odataContext } from '../model/views';
import { checkTableDefinition, convertRows, pushLimits } from '../push/schema';
import { documentedBudgets } from '../throttle/throttle';
import { newId } from '../util/ids';
import { datasetOf, ok, principal, workspaceOf, type Handler, type HandlerContext } from './context';

interface TableBody {
  name: string;
  columns: ColumnDef[];
  measures?: { name: string; expression: string }[];
}

interface CreateDatasetBody {
  name: string;
  tables: TableBody[];
  relationships?: (Omit<ModelRelationship, 'crossFilteringBehavior'> & {
    crossFilteringBehavior?: ModelRelationship['crossFilteringBehavior'];
  })[];
  defaultMode?: 'AsAzure' | 'AsOnPrem' | 'Push' | 'Streaming' | 'PushStreaming';
}

/** POST [groups/{g}/]datasets?defaultRetentionPolicy=None|basicFIFO → 201 (push datasets only). */
export const createPushDataset: Handler = (context) => {
  const workspace = workspaceOf(context, 'write');
  const body = context.body as CreateDatasetBody;
  const mode = body.defaultMode ?? 'Push';
  if (mode === 'AsAzure' || mode === 'AsOnPrem') throw invalidRequest(`defaultMode ${mode} is not supported by the emulator`);
  const retentionParam = context.query.get('defaultRetentionPolicy') ?? 'None';
  if (retentionParam !== 'None' && retentionParam !== 'basicFIFO') throw invalidRequest('defaultRetentionPolicy must be None or basicFIFO');
  if (body.tables.length > pushLimits.tables) throw invalidRequest(`A push dataset has at most ${pushLimits.tables} tables`);
  const relationships = body.relationships ?? [];
  if (relationships.length > pushLimits.relationships)
    throw invalidRequest(`A push dataset has at most ${pushLimits.relationships} relationships`);
  const names = new Set(body.tables.map((table) => table.name.toLowerCase()));
  if (names.size !== body.tables.length) throw invalidRequest('Table names must be unique');
  body.tables.forEach(checkTableDefinition);
  const dataset: DatasetState = {
    id: newId(),
    name: body.name,
    workspaceId: workspace.id,
    configuredBy: principal(context).id,
    createdDate: new Date(context.services.state.clock.now()).toISOString(),
    kind: 'push',
    model: {
      tables: body.tables.map((table) => ({
        name: table.name,
        columns: table.columns,
        rows: [],
        ...(table.measures ? { measures: table.measures } : {}),
      })),
      relationships: relationships.map((item) => ({ ...item, crossFilteringBehavior: item.crossFilteringBehavior ?? 'OneDirection' })),
      roles: [],
    },
    isEffectiveIdentityRolesRequired: false,
    refreshDurationMs: 0,
    schedule: defaultSchedule(),
    history: [],
    next: { failures: [] },
    credentialsLostOnTakeOver: false,
    credentialsMissing: false,
    users: [],
    push: { defaultMode: mode, retention: retentionParam, posts: [], pending: 0 },
  };
  context.services.state.addDataset(dataset);
  return {
    status: 201,
    body: {
      '@odata.context': odataContext(context.links, 'datasets/$entity'),
      id: dataset.id,
      name: dataset.name,
      defaultRetentionPolicy: retentionParam,
    },
  };
};

/** Tables routes work on push datasets only (documented). */
function pushDataset(context: HandlerContext, access: 'read' | 'write'): DatasetState {
  const { dataset } = datasetOf(context, access);
  if (!dataset.push) throw invalidRequest('This operation is only supported for push datasets');
  return dataset;
}

function tableOf(dataset: DatasetState, name: string | undefined): ModelTable {
  const table = dataset.model.tables.find((candidate) => candidate.name.toLowerCase() === (name ?? '').toLowerCase());
  if (!table) throw entityNotFound();
  return table;
}

function tableView(table: ModelTable): Record<string, unknown> {
  return { name: table.name, columns: table.columns, ...(table.measures ? { measures: table.measures } : {}) };
}

/** GET tables. */
export const getTables: Handler = (context) => {
  const dataset = pushDataset(context, 'read');
  return ok({ '@odata.context': odataContext(context.links, 'tables'), value: dataset.model.tables.map(tableView) });
};

/** PUT tables/{t}: replaces the schema; rows keep the values of columns that remain. */
export const putTable: Handler = (context) => {
  const dataset = pushDataset(context, 'write');
  const table = tableOf(dataset, context.params.tableName);
  const body = context.body as TableBody;
  if (body.name.toLowerCase() !== table.name.toLowerCase())
    throw invalidRequest('The table name in the body must match the table in the path');
  checkTableDefinition(body);
  const kept = new Set(body.columns.map((column) => column.name));
  table.columns = body.columns;
  table.rows = table.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([name]) => kept.has(name))));
  if (body.measures) table.measures = body.measures;
  return ok(tableView(table));
};

/**
 * POST tables/{t}/rows: at most 10,000 rows per call, 120 calls per minute per dataset (per hour
 * once the table has 250,000 rows), 1,000,000 rows per hour; FIFO tables keep the newest 200,000
 * rows, others refuse to grow past 5,000,000. Over-limit statuses are unverified (400/429 here).
 */
export const postRows: Handler = (context) => {
  const dataset = pushDataset(context, 'write');
  const push = dataset.push as NonNullable<DatasetState['push']>;
  const table = tableOf(dataset, context.params.tableName);
  const rows = (context.body as { rows?: Record<string, unknown>[] }).rows;
  if (!rows) throw invalidRequest('The request must contain rows');
  if (rows.length > pushLimits.rowsPerPost) throw invalidRequest(`At most ${pushLimits.rowsPerPost} rows can be posted in one request`);
  const realNow = Date.now();
  const budget = table.rows.length >= pushLimits.largeTableRows ? { limit: 120, windowMs: 60 * 60_000 } : documentedBudgets.postRows;
  const refusal = context.services.throttle.take('postRows', dataset.id, budget, realNow);
  if (refusal) throw throttled(refusal.retryAfterSeconds);
  push.posts = push.posts.filter((post) => post.at > realNow - 60 * 60_000);
  const lastHour = push.posts.reduce((sum, post) => sum + post.rows, 0);
  if (lastHour + rows.length > pushLimits.rowsPerHour) {
    const oldest = push.posts[0]?.at ?? realNow;
    throw throttled(Math.max(1, Math.ceil((oldest + 60 * 60_000 - realNow) / 1000)));
  }
  const converted = convertRows(table, rows);
  if (push.retention === 'None' && table.rows.length + converted.length > pushLimits.noneRowsPerTable) {
    throw new ApiError(400, {
      error: {
        code: 'InvalidRequest',
        message: `A table of a push dataset without retention holds at most ${pushLimits.noneRowsPerTable} rows`,
      },
    });
  }
  push.posts.push({ at: realNow, rows: converted.length });
  // Streaming datasets keep no rows (they only feed live tiles).
  if (push.defaultMode !== 'Streaming') {
    table.rows.push(...converted);
    if (push.retention === 'basicFIFO' && table.rows.length > pushLimits.fifoRowsPerTable)
      table.rows.splice(0, table.rows.length - pushLimits.fifoRowsPerTable);
  }
  return ok();
};

/** DELETE tables/{t}/rows: removes every row. */
export const deleteRows: Handler = (context) => {
  const dataset = pushDataset(context, 'write');
  tableOf(dataset, context.params.tableName).rows = [];
  return ok();
};

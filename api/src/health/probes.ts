import type { DependencyHealth } from '@planboard/contracts';
import { type PowerBiClient, tableClient, tableNames } from '@planboard/server';

/**
 * Writes and reads back one entity in the health table: a real round trip, not a ping. No SDK
 * retries, bounded by a timeout, so a dead storage account answers quickly.
 */
export async function probeStorage(connectionString: string, timeoutMs: number, instanceId: string): Promise<DependencyHealth> {
  const client = tableClient(connectionString, tableNames.health, { retryOptions: { maxRetries: 0 } });
  const started = performance.now();
  const abortSignal = AbortSignal.timeout(timeoutMs);
  try {
    await client.createTable({ abortSignal });
    const entity = { partitionKey: 'probe', rowKey: instanceId, checkedAt: new Date().toISOString() };
    await client.upsertEntity(entity, 'Replace', { abortSignal });
    await client.getEntity('probe', instanceId, { abortSignal });
    return { status: 'ok', dependency: 'storage', latencyMs: elapsed(started) };
  } catch (error) {
    return { status: 'unavailable', dependency: 'storage', latencyMs: elapsed(started), reason: describe(error, timeoutMs) };
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'AbortError') return `Table Storage did not answer within ${timeoutMs} ms.`;
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return `Table Storage round trip failed${code ? ` (${code})` : ''}: ${message}`;
}

/**
 * Lists one workspace as the service principal: token from Entra plus a Power BI round trip, with
 * the client's retries cut short by the timeout, so a misconfigured principal (no tenant setting,
 * wrong secret) or an unreachable service answers 503 with the reason.
 */
export async function probePowerBi(client: PowerBiClient, timeoutMs: number): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    await client.groups.list({ top: 1, signal: AbortSignal.timeout(timeoutMs), timeoutMs });
    return { status: 'ok', dependency: 'powerbi', latencyMs: elapsed(started) };
  } catch (error) {
    const reason =
      error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
        ? `Power BI did not answer within ${timeoutMs} ms.`
        : `Power BI as the service principal failed: ${error instanceof Error ? error.message : String(error)}`;
    return { status: 'unavailable', dependency: 'powerbi', latencyMs: elapsed(started), reason };
  }
}

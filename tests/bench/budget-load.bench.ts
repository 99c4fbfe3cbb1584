/**
 * Bursts on a 50,000-line plan against one API host (issue: "load on a big plan must not take
 * the host down"): 200 concurrent grid reads, 200 concurrent saves of one cell, 20 concurrent
 * .xlsx exports, 3 concurrent 5 MB imports. Per burst it prints status counts, p50/p95, the host's
 * RSS peak (supervisor + worker) and how health fared while the burst ran, with the ratio of the
 * burst's p50 to the same request alone on the same host (the baseline, measured first).
 * Targets: no 5xx but 503 with Retry-After, the worker never dies, RSS peak < 1.5 GB, health
 * answers throughout, every accepted save is in the audit.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiHealthSchema, auditEntrySchema, budgetGridSchema } from '@planboard/contracts';
import { identityFromEnv } from '@planboard/identity/testing';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startAzurite } from '../../emulators/stack/dist/azurite';
import { startFunctionApp } from '../../emulators/stack/dist/hosts';
import { apiAuthSettings, startIdentity } from '../../emulators/stack/dist/identity';
import { freePort } from '../../emulators/stack/dist/ports';
import { apiPowerBiSettings, startPowerBi } from '../../emulators/stack/dist/powerbi';
import { bigPlan } from '../integration/support/big-plan';

const planLines = 50_000;
const rssTargetMb = 1536;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Outcome {
  status: number;
  ms: number;
  retryAfter: boolean;
}

const percentile = (values: number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

/** RSS (MB) of every process in the host's process group: the supervisor and its worker. */
function groupRssMb(pgid: number): number {
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pgid)], { encoding: 'utf8' });
    return out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
  } catch {
    return 0;
  }
}

export async function run(): Promise<boolean> {
  const azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
  const identity = await startIdentity({
    httpsPort: await freePort(),
    httpPort: await freePort(),
    certsDir: join(tmpdir(), 'planboard-test-certs'),
    tabOrigins: [],
    tabDomain: 'localhost:53000',
  });
  const pbiPort = await freePort();
  const powerBi = await startPowerBi({ port: pbiPort, identity: identity.config, storageConnectionString: azurite.connectionString });
  const apiPort = await freePort();
  const host = await startFunctionApp({
    app: 'api',
    port: apiPort,
    settings: {
      AzureWebJobsStorage: azurite.connectionString,
      ...apiAuthSettings(identity.config, 'localhost:53000'),
      ...apiPowerBiSettings(pbiPort, identity.config),
      AzureWebJobs__refreshDetect__Disabled: 'true',
      AzureWebJobs__refreshCatalog__Disabled: 'true',
    },
  });
  const api = `http://127.0.0.1:${apiPort}/api`;
  let met = true;
  try {
    await seedSampleTenant(azurite.connectionString);
    const { planId, lineIds } = await bigPlan(azurite.connectionString, planLines);
    const token = await identityFromEnv({ PLANBOARD_IDENTITY_URL: identity.config.urls.browserOrigin ?? '' }).userToken(
      'nora.lindqvist@contoso.onmicrosoft.com',
    );
    const auth = { authorization: `Bearer ${token}` };
    const plan = `${api}/budget/${planId}/sales-north`;
    const instanceId = async () => apiHealthSchema.parse(await (await fetch(`${api}/health`)).json()).instanceId;
    const firstInstance = await instanceId();
    const idleRss = groupRssMb(host.child.pid!);
    const cell = lineIds[0]!;

    const timed = async (send: () => Promise<Response>): Promise<Outcome> => {
      const started = performance.now();
      try {
        const response = await send();
        await response.arrayBuffer();
        return { status: response.status, ms: performance.now() - started, retryAfter: response.headers.has('retry-after') };
      } catch {
        return { status: 0, ms: performance.now() - started, retryAfter: false };
      }
    };
    const read = () => fetch(plan, { headers: auth });
    const exportXlsx = () => fetch(`${plan}/export.xlsx`, { headers: auth });
    let rev = 0;
    const save = () =>
      fetch(plan, {
        method: 'PATCH',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          idempotencyKey: randomUUID(),
          action: 'edit',
          edits: [{ lineId: cell, field: 'budgetAmount', value: 1000 + Math.floor(Math.random() * 1e6), baseRev: rev }],
        }),
      });
    const workbook = Buffer.from(await (await exportXlsx()).arrayBuffer());
    const importIt = () => fetch(`${plan}/import`, { method: 'POST', headers: { ...auth, 'content-type': xlsxType }, body: workbook });

    const burst = async (name: string, count: number, send: () => Promise<Response>, alone: Outcome): Promise<Outcome[]> => {
      let peak = groupRssMb(host.child.pid!);
      let healthOk = 0;
      let healthFailed = 0;
      let running = true;
      const sampler = (async () => {
        while (running) {
          peak = Math.max(peak, groupRssMb(host.child.pid!));
          const ok = await fetch(`${api}/health`, { signal: AbortSignal.timeout(2000) })
            .then((response) => response.status === 200)
            .catch(() => false);
          if (ok) healthOk += 1;
          else healthFailed += 1;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      })();
      const outcomes = await Promise.all(Array.from({ length: count }, () => timed(send)));
      running = false;
      await sampler;
      const statuses = new Map<number, number>();
      for (const outcome of outcomes) statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      const served = outcomes.filter((outcome) => outcome.status < 500 && outcome.status > 0).map((outcome) => outcome.ms);
      const bad = outcomes.filter(
        (outcome) => outcome.status === 0 || (outcome.status >= 500 && !(outcome.status === 503 && outcome.retryAfter)),
      );
      const p50 = percentile(served, 50);
      const alive = (await instanceId().catch(() => 'dead')) === firstInstance;
      const ok = bad.length === 0 && alive && peak < rssTargetMb && healthFailed === 0;
      met &&= ok;
      console.log(
        `  ${name}: ${[...statuses].map(([status, n]) => `${n} × ${status}`).join(', ')}; served p50 ${p50.toFixed(0)} ms, p95 ${percentile(served, 95).toFixed(0)} ms ` +
          `(alone ${alone.ms.toFixed(0)} ms, p50 ratio ${(p50 / alone.ms).toFixed(1)}×); RSS peak ${peak.toFixed(0)} MB (idle ${idleRss.toFixed(0)} MB); ` +
          `health ${healthOk} ok / ${healthFailed} failed; worker ${alive ? 'alive' : 'DIED'}; bad 5xx ${bad.length} ${ok ? '✓' : '✗'}`,
      );
      return outcomes;
    };

    // Baselines: each request alone on the same host.
    const readAlone = await timed(read);
    const saveAlone = await timed(save);
    rev = 1;
    const exportAlone = await timed(exportXlsx);
    const importAlone = await timed(importIt);
    console.log(`  plan: ${planLines} lines; export ${(workbook.length / 1e6).toFixed(1)} MB; idle host RSS ${idleRss.toFixed(0)} MB`);

    await burst('200 × GET grid', 200, read, readAlone);
    const saves = await burst('200 × PATCH one cell', 200, save, saveAlone);
    await burst('20 × export.xlsx', 20, exportXlsx, exportAlone);
    await burst('3 × 5 MB import preview', 3, importIt, importAlone);

    // Every accepted save (200) is audited: the cell's audit has the baseline save plus those.
    const accepted = saves.filter((outcome) => outcome.status === 200).length;
    const audit = (await (await fetch(`${plan}/audit?line=${encodeURIComponent(cell)}&pageSize=500`, { headers: auth })).json()) as {
      entries: unknown[];
    };
    const entries = audit.entries.map((entry) => auditEntrySchema.parse(entry)).filter((entry) => entry.field === 'budgetAmount');
    const final = budgetGridSchema.parse(await (await read()).json()).lines.find((line) => line.lineId === cell)!;
    const audited = entries.length === accepted + 1 && final.rev === accepted + 1;
    met &&= audited;
    console.log(
      `  accepted saves ${accepted}, audit entries for the cell ${entries.length} (incl. the baseline save), rev ${final.rev} ${audited ? '✓' : '✗'}`,
    );
    return met;
  } finally {
    await host.stop();
    await powerBi.stop();
    await identity.process.stop();
    await azurite.stop();
  }
}

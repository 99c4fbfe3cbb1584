/**
 * 50 editors × 20 saves on one BU through 2 API host processes against one Azurite:
 * prints p50/p95 save latency and checks there are 0 lost updates (every accepted edit is in the
 * audit, and replaying the audit from the initial state gives exactly the stored state).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { auditEntrySchema, budgetGridSchema, budgetPatchResultSchema, type BudgetLine, type CellEdit } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { identityFromEnv } from '@planboard/identity/testing';
import { startAzurite } from '../../emulators/stack/dist/azurite';
import { startFunctionApp } from '../../emulators/stack/dist/hosts';
import { apiAuthSettings, startIdentity } from '../../emulators/stack/dist/identity';
import { freePort } from '../../emulators/stack/dist/ports';
import { apiPowerBiSettings, startPowerBi } from '../../emulators/stack/dist/powerbi';

const editors = 50;
const savesEach = 20;
const users = ['nora.lindqvist', 'erik.hansen', 'maja.berg'].map((name) => `${name}@contoso.onmicrosoft.com`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
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
  const settings = {
    AzureWebJobsStorage: azurite.connectionString,
    ...apiAuthSettings(identity.config, 'localhost:53000'),
    ...apiPowerBiSettings(pbiPort, identity.config),
  };
  const apiPorts = [await freePort(), await freePort()];
  const hosts = await Promise.all(apiPorts.map((port) => startFunctionApp({ app: 'api', port, settings })));
  try {
    await seedSampleTenant(azurite.connectionString);
    const idp = identityFromEnv({ PLANBOARD_IDENTITY_URL: identity.config.urls.browserOrigin ?? '' });
    const tokens = await Promise.all(users.map((upn) => idp.userToken(upn)));
    const base = (i: number) => `http://127.0.0.1:${apiPorts[i % 2]}/api/budget/fy2027/sales-north`;
    const get = async (i: number, token: string): Promise<BudgetLine[]> =>
      budgetGridSchema.parse(await (await fetch(base(i), { headers: { authorization: `Bearer ${token}` } })).json()).lines;
    const initial = await get(0, tokens[0]!);
    const latencies: number[] = [];
    const accepted: { upn: string; edit: CellEdit }[] = [];
    let conflicts = 0;

    await Promise.all(
      Array.from({ length: editors }, async (_, editor) => {
        const token = tokens[editor % tokens.length]!;
        let view = await get(editor, token);
        for (let save = 0; save < savesEach; save += 1) {
          if (save % 5 === 4) view = await get(editor + save, token);
          const edits: CellEdit[] = [0, 1, 2].map((k) => {
            const line = view[(editor * 7 + save * 13 + k * 31) % view.length]!;
            return {
              lineId: line.lineId,
              field: k % 2 ? 'forecastSales' : 'budgetAmount',
              value: editor * 100_000 + save * 10 + k,
              baseRev: line.rev,
            };
          });
          const started = performance.now();
          const response = await fetch(base(editor + save), {
            method: 'PATCH',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ idempotencyKey: randomUUID(), action: 'edit', edits }),
          });
          latencies.push(performance.now() - started);
          const result = budgetPatchResultSchema.parse(await response.json());
          conflicts += result.conflicts.length;
          for (const edit of edits) {
            if (!result.conflicts.some((c) => c.lineId === edit.lineId && c.field === edit.field))
              accepted.push({ upn: users[editor % users.length]!, edit });
          }
          for (const line of result.lines) view = view.map((candidate) => (candidate.lineId === line.lineId ? line : candidate));
        }
      }),
    );

    const final = await get(1, tokens[0]!);
    const audit: ReturnType<typeof auditEntrySchema.parse>[] = [];
    for (let page = 1; ; page += 1) {
      const body = (await (
        await fetch(`${base(0)}/audit?page=${page}&pageSize=500`, { headers: { authorization: `Bearer ${tokens[0]}` } })
      ).json()) as { entries: unknown[]; total: number };
      audit.push(...body.entries.map((entry) => auditEntrySchema.parse(entry)));
      if (audit.length >= body.total || body.entries.length === 0) break;
    }
    const cellEntries = audit.filter((entry) => entry.lineId !== null);
    const missing = accepted.filter(
      ({ upn, edit }) =>
        !cellEntries.some((e) => e.lineId === edit.lineId && e.field === edit.field && e.new === edit.value && e.by === upn),
    );
    const replayed = new Map(initial.map((line) => [line.lineId, { ...line } as Record<string, unknown>]));
    let replayMismatch = 0;
    for (const entry of [...cellEntries].sort((a, b) => a.rev - b.rev)) {
      const line = replayed.get(entry.lineId!)!;
      if (line[entry.field] !== entry.old) replayMismatch += 1;
      line[entry.field] = entry.new;
    }
    const stateMismatch = final.filter(
      (line) =>
        line.budgetAmount !== replayed.get(line.lineId)!.budgetAmount || line.forecastSales !== replayed.get(line.lineId)!.forecastSales,
    ).length;
    const lost = missing.length + replayMismatch + stateMismatch;
    console.log(
      `  ${editors} editors × ${savesEach} saves through 2 hosts: ${latencies.length} saves, ${accepted.length} cell edits accepted, ${conflicts} conflicts reported`,
    );
    console.log(
      `  save latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
    );
    console.log(
      `  lost updates: ${lost} (accepted but not audited ${missing.length}, audit/replay mismatches ${replayMismatch + stateMismatch})`,
    );
    return lost === 0 && latencies.length === editors * savesEach;
  } finally {
    await Promise.all(hosts.map((host) => host.stop()));
    await powerBi.stop();
    await identity.process.stop();
    await azurite.stop();
  }
}

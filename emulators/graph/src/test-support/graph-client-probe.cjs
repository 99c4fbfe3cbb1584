// Drives the emulator with @microsoft/microsoft-graph-client, the client the pipeline uses. Runs in
// a child process started with NODE_EXTRA_CA_CERTS (Node only reads it at start-up).
// Usage: node graph-client-probe.cjs <https origin> <control origin> <token> <drive id> <folder path>
// Prints one JSON line with what the client saw, or exits 1 with the error.
const { URL } = require('node:url');
const { Client, PageIterator, ResponseType } = require('@microsoft/microsoft-graph-client');

/** Node's fetch, for the control API. */
const controlFetch = globalThis.fetch;

const [origin, control, token, driveId, folder] = process.argv.slice(2);

async function main() {
  const client = Client.init({
    authProvider: (done) => done(null, token),
    baseUrl: origin,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(origin).hostname]),
  });
  const folderPath = `/drives/${driveId}/root:/${encodeURI(folder)}:`;

  // Children, 5 per page, through the SDK's PageIterator (follows @odata.nextLink).
  const names = [];
  const first = await client.api(`${folderPath}/children`).top(5).get();
  await new PageIterator(client, first, (item) => {
    names.push(item.name);
    return true;
  }).iterate();

  // Content: the SDK follows the 302 to the pre-authenticated URL.
  const firstFile = first.value[0];
  const bytes = await client.api(`/drives/${driveId}/items/${firstFile.id}/content`).responseType(ResponseType.ARRAYBUFFER).get();

  // Delta: one round, then the deltaLink after a change.
  const deltaRound = async (start) => {
    const items = [];
    let page = await client.api(start).top(4).get();
    items.push(...page.value);
    while (page['@odata.nextLink']) {
      page = await client.api(page['@odata.nextLink']).get();
      items.push(...page.value);
    }
    return { items, deltaLink: page['@odata.deltaLink'] };
  };
  const initial = await deltaRound(`/drives/${driveId}/root/delta`);
  await controlFetch(`${control}/_emulator/drives/${driveId}/root:/${folder}/${firstFile.name}`, { method: 'DELETE' });
  const afterDelete = await deltaRound(initial.deltaLink);

  // 429: the SDK's RetryHandler waits Retry-After and retries.
  await controlFetch(`${control}/_emulator/throttle`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ retryAfterSeconds: 1 }),
  });
  const throttledAt = Date.now();
  const retried = await client.api(`${folderPath}/children`).get();
  const retryMs = Date.now() - throttledAt;

  // Errors become GraphError with Graph's code and request id.
  let error;
  try {
    await client.api(`/drives/${driveId}/root:/no/such/file.xlsx`).get();
  } catch (caught) {
    error = { statusCode: caught.statusCode, code: caught.code, requestId: caught.requestId };
  }

  console.log(
    JSON.stringify({
      names,
      firstFileSize: firstFile.size,
      downloadedBytes: bytes.byteLength,
      initialDeltaCount: initial.items.length,
      afterDelete: afterDelete.items.map((item) => ({ name: item.name, deleted: Boolean(item.deleted) })),
      retriedCount: retried.value.length,
      retryMs,
      error,
    }),
  );
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});

import type { DatasetRecord } from './catalog-store';

/** The answer to "which dataset does the user mean?". */
export type DatasetMatch =
  | { kind: 'one'; dataset: DatasetRecord }
  | { kind: 'ambiguous'; candidates: DatasetRecord[] }
  | { kind: 'none'; suggestions: DatasetRecord[] };

const normalize = (value: string): string => value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** How a dataset is named to users when names repeat across environments: `Budget Planning (Prod)`. */
export function datasetLabel(dataset: Pick<DatasetRecord, 'datasetName' | 'environment'>): string {
  return `${dataset.datasetName} (${dataset.environment})`;
}

/** Edit distance, for "did you mean" suggestions on typos. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * Finds a dataset by what a user typed, case-insensitively: its id, `Name (Env)`, `Name Env`, or
 * its name. A name shared by several datasets (one per environment) is ambiguous and answered with
 * the candidates; no match is answered with the closest names.
 */
export function findDataset(datasets: readonly DatasetRecord[], query: string): DatasetMatch {
  const wanted = normalize(query.trim().replace(/^["'“”]+|["'“”]+$/g, ''));
  if (!wanted) return { kind: 'none', suggestions: [] };
  const live = datasets.filter((dataset) => dataset.refreshable);
  const exact = (items: DatasetRecord[]): DatasetMatch | undefined =>
    items.length === 1 && items[0]
      ? { kind: 'one', dataset: items[0] }
      : items.length > 1
        ? { kind: 'ambiguous', candidates: items }
        : undefined;
  const byId = exact(live.filter((dataset) => dataset.datasetId.toLowerCase() === wanted));
  const byLabel = exact(
    live.filter((d) => normalize(datasetLabel(d)) === wanted || normalize(`${d.datasetName} ${d.environment}`) === wanted),
  );
  const byName = exact(live.filter((dataset) => normalize(dataset.datasetName) === wanted));
  const partial = exact(live.filter((d) => normalize(datasetLabel(d)).includes(wanted)));
  const found = byId ?? byLabel ?? byName ?? partial;
  if (found) return found;
  const ranked = [...live]
    .map((dataset) => ({ dataset, score: distance(wanted, normalize(dataset.datasetName)) }))
    .sort((a, b) => a.score - b.score || a.dataset.datasetName.localeCompare(b.dataset.datasetName));
  const limit = Math.max(3, Math.ceil(wanted.length / 2));
  return {
    kind: 'none',
    suggestions: ranked
      .filter((item) => item.score <= limit)
      .slice(0, 5)
      .map((item) => item.dataset),
  };
}

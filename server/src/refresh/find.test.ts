import type { DatasetRecord } from './catalog-store';
import { findDataset } from './find';

const record = (datasetId: string, datasetName: string, environment: string): DatasetRecord => ({
  datasetId,
  datasetName,
  environment,
  workspaceId: 'w',
  workspaceName: `Planboard (${environment})`,
  refreshable: true,
  seenUntil: '',
});
const catalog = [
  record('a1', 'Budget Planning', 'Prod'),
  record('a2', 'Budget Planning', 'Test'),
  record('b1', 'Store Sales', 'Prod'),
  record('c1', 'Capacity Metrics', 'Dev'),
];

describe('findDataset', () => {
  it('matches names case-insensitively and ignores extra spaces and quotes', () => {
    expect(findDataset(catalog, '  "store   SALES" ')).toEqual({ kind: 'one', dataset: catalog[2] });
  });

  it('answers a name shared by environments with the candidates, and accepts the environment to pick one', () => {
    const ambiguous = findDataset(catalog, 'budget planning');
    expect(ambiguous.kind).toBe('ambiguous');
    expect(ambiguous.kind === 'ambiguous' && ambiguous.candidates.map((d) => d.datasetId)).toEqual(['a1', 'a2']);
    expect(findDataset(catalog, 'Budget Planning (Prod)')).toEqual({ kind: 'one', dataset: catalog[0] });
    expect(findDataset(catalog, 'budget planning test')).toEqual({ kind: 'one', dataset: catalog[1] });
    expect(findDataset(catalog, 'A2')).toEqual({ kind: 'one', dataset: catalog[1] });
  });

  it('takes a unique partial name and suggests close names on a typo', () => {
    expect(findDataset(catalog, 'capacity')).toEqual({ kind: 'one', dataset: catalog[3] });
    const typo = findDataset(catalog, 'Stor Sale');
    expect(typo.kind === 'none' && typo.suggestions.map((d) => d.datasetId)).toEqual(['b1']);
  });
});

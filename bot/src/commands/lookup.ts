import { datasetLabel, findDataset, type DatasetRecord } from '@planboard/server';
import type { OutgoingMessage } from '../platform/types';
import type { BotDeps } from '../conversation/deps';
import { notice } from './replies';

/** The dataset a command names, or the reply explaining why it is not clear which one. */
export async function lookupDataset(
  deps: Pick<BotDeps, 'catalog'>,
  query: string,
  command: string,
): Promise<DatasetRecord | OutgoingMessage> {
  const match = findDataset(await deps.catalog.list(), query);
  switch (match.kind) {
    case 'one':
      return match.dataset;
    case 'ambiguous':
      return notice({
        title: 'Which dataset do you mean?',
        tone: 'warning',
        lines: [`Several datasets are called "${query}". Add the environment, for example:`],
        items: match.candidates.map((dataset) => `${command} ${datasetLabel(dataset)}`),
      });
    case 'none':
      return notice({
        title: 'Dataset not found',
        tone: 'warning',
        lines: [`No dataset matches "${query}".`, ...(match.suggestions.length ? ['Did you mean:'] : [])],
        items: match.suggestions.map((dataset) => `${command} ${datasetLabel(dataset)}`),
      });
    default: {
      const unhandled: never = match;
      throw new Error(`Unhandled match ${JSON.stringify(unhandled)}`);
    }
  }
}

/** Narrowing helper: did the lookup find a dataset? */
export const isDataset = (value: DatasetRecord | OutgoingMessage): value is DatasetRecord => 'datasetId' in value;

import type { StoreRunProblemNotification } from '@planboard/contracts';
import type { AdaptiveCard } from '../platform/types';
import { cardSchema, cardVersion, factRows, plainParagraph, renderTemplate, type Fact } from './render';
import { cardText, formatDuration, formatTime } from './text';

const template: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: cardSchema,
  version: cardVersion,
  body: [
    {
      type: 'Container',
      style: '${style}',
      bleed: true,
      items: [
        { type: 'TextBlock', text: '${heading}', weight: 'Bolder', size: 'Small', wrap: true },
        plainParagraph('${error}', { $when: "${error != ''}", spacing: 'None' }),
      ],
    },
    factRows,
    { type: 'Container', $data: '${problems}', spacing: 'Small', items: [plainParagraph('${line}', { spacing: 'None' })] },
  ],
  actions: [{ type: 'Action.OpenUrl', title: 'Open run report', url: '${runUrl}' }],
};

const count = (value: number) => Math.trunc(value).toLocaleString('en-US');
const triggers: Record<string, string> = { timer: 'the daily schedule', manual: 'Run now', upload: 'an upload' };

/**
 * "Store data run failed" / "rows rejected": what the run loaded and rejected, the files with
 * problems, and a button to the run's report on the Data page. Data is bound into `TextRun`s.
 */
export function dataRunCard(n: StoreRunProblemNotification, runUrl: string): AdaptiveCard {
  const facts: Fact[] = [
    { label: 'Started by', value: cardText(`${triggers[n.trigger] ?? n.trigger} (${n.requestedBy})`, 200) },
    { label: 'Finished', value: `${formatTime(n.finishedAt)} (${formatDuration(n.durationMs)})` },
    { label: 'Files', value: count(n.files) },
    { label: 'Rows loaded', value: count(n.rowsLoaded) },
    { label: 'Rows rejected', value: count(n.rowsRejected) },
    { label: 'Rows removed', value: count(n.rowsRemoved) },
    {
      label: 'Report refresh',
      value:
        n.refresh === 'completed'
          ? 'Completed'
          : n.refresh === 'failed'
            ? 'Failed'
            : n.refresh === 'running'
              ? 'Running'
              : 'Not needed (no rows changed)',
    },
  ];
  return renderTemplate(template, {
    style: n.state === 'failed' ? 'attention' : 'warning',
    heading: n.state === 'failed' ? 'Store data run failed' : `Store data run rejected ${count(n.rowsRejected)} rows`,
    error: cardText(n.error ?? '', 1000),
    facts,
    problems: n.problems.map((line) => ({ line: cardText(line, 400) })),
    runUrl,
  });
}

export const dataRunSummary = (n: StoreRunProblemNotification): string =>
  n.state === 'failed' ? 'Store data run failed' : `Store data run: ${count(n.rowsRejected)} rows rejected`;

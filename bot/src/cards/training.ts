import type { TrainingDayUnlockedNotification } from '@planboard/contracts';
import type { AdaptiveCard } from '../platform/types';
import { cardSchema, cardVersion, factRows, plainParagraph, renderTemplate, type Fact } from './render';
import { cardText, formatTime } from './text';

const template: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: cardSchema,
  version: cardVersion,
  body: [
    {
      type: 'Container',
      style: 'accent',
      bleed: true,
      items: [{ type: 'TextBlock', text: '${heading}', weight: 'Bolder', size: 'Small' }, plainParagraph('${title}', { spacing: 'None' })],
    },
    plainParagraph('${description}', { $when: "${description != ''}", spacing: 'Medium' }),
    factRows,
  ],
  actions: [{ type: 'Action.OpenUrl', title: 'Open day', url: '${dayUrl}' }],
};

/**
 * "Training day unlocked": the day's number, title and description and a button into the Training
 * page on that day. Every piece of data is bound into `TextRun`s (never markdown, never template).
 */
export function trainingDayUnlockedCard(n: TrainingDayUnlockedNotification, dayUrl: string): AdaptiveCard {
  const facts: Fact[] = [
    { label: 'Unlocked by', value: cardText(n.by.name, 100) },
    { label: 'When', value: formatTime(n.at) },
  ];
  return renderTemplate(template, {
    // The heading is ours (a number), so it may be a TextBlock; the title is data.
    heading: `Training day ${Math.trunc(n.dayNumber)} is open`,
    title: cardText(n.title, 200),
    description: cardText(n.description, 1500),
    facts,
    dayUrl,
  });
}

export const trainingDayUnlockedSummary = (n: TrainingDayUnlockedNotification): string =>
  `Training day ${Math.trunc(n.dayNumber)} unlocked: ${cardText(n.title, 100)}`;

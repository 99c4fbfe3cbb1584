import type { PlanSubmittedNotification, PlanUnlockedNotification } from '@planboard/contracts';
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
      style: '${style}',
      bleed: true,
      items: [
        { type: 'TextBlock', text: '${title}', weight: 'Bolder', size: 'Small' },
        plainParagraph('${scopeName}', { spacing: 'None' }),
      ],
    },
    factRows,
    { type: 'TextBlock', $when: "${reason != ''}", text: 'Reason', weight: 'Bolder', spacing: 'Medium' },
    plainParagraph('${reason}', { $when: "${reason != ''}", spacing: 'Small' }),
    plainParagraph('${note}', { $when: "${note != ''}", spacing: 'Medium' }),
  ],
  actions: [{ type: 'Action.OpenUrl', title: 'Open Budget', url: '${budgetUrl}' }],
};

/** "Plan unlocked": the business unit can edit again; who unlocked it and why. */
export function planUnlockedCard(n: PlanUnlockedNotification, budgetUrl: string): AdaptiveCard {
  const facts: Fact[] = [
    { label: 'Plan', value: cardText(n.planId, 100) },
    { label: 'Unlocked by', value: cardText(n.by.name, 100) },
    { label: 'When', value: formatTime(n.at) },
  ];
  return renderTemplate(template, {
    style: 'accent',
    title: 'Budget plan unlocked for editing',
    scopeName: cardText(n.scopeName, 200),
    facts,
    reason: cardText(n.reason, 1500),
    note: 'Contributors can change the plan again and submit it when ready.',
    budgetUrl,
  });
}

/** "Plan submitted": read-only from now on; the dataset refresh it started, if any. */
export function planSubmittedCard(n: PlanSubmittedNotification, budgetUrl: string): AdaptiveCard {
  const facts: Fact[] = [
    { label: 'Plan', value: cardText(n.planId, 100) },
    { label: 'Submitted by', value: cardText(n.by.name, 100) },
    { label: 'When', value: formatTime(n.at) },
  ];
  return renderTemplate(template, {
    style: 'good',
    title: 'Budget plan submitted',
    scopeName: cardText(n.scopeName, 200),
    facts,
    reason: '',
    note: n.refreshId ? 'The plan is read-only now; the Power BI dataset refresh has started.' : 'The plan is read-only now.',
    budgetUrl,
  });
}

export const planUnlockedSummary = (n: PlanUnlockedNotification): string => `Plan unlocked: ${cardText(n.scopeName, 100)}`;
export const planSubmittedSummary = (n: PlanSubmittedNotification): string => `Plan submitted: ${cardText(n.scopeName, 100)}`;

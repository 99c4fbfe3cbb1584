import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCard } from '../platform/types';

/** The Adaptive Cards version Teams renders (1.5); templates declare it. */
export const cardVersion = '1.5';
export const cardSchema = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * Expands a template (`${…}`, `$data`, `$when`) with data. Data is bound, never concatenated into
 * the template, so nothing in it can add elements or actions.
 */
export function renderTemplate(template: AdaptiveCard, data: Record<string, unknown>): AdaptiveCard {
  return new ACData.Template(template).expand({ $root: data }) as AdaptiveCard;
}

/** A labelled value, shown as two columns; the value is a plain-text run. */
export interface Fact {
  label: string;
  value: string;
}

/** The template fragment for `facts` (labels are ours, values are data). */
export const factRows = {
  type: 'ColumnSet',
  $data: '${facts}',
  spacing: 'Small',
  columns: [
    { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: '${label}', weight: 'Bolder', wrap: true }] },
    { type: 'Column', width: 'stretch', items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${value}' }] }] },
  ],
} as const;

/** A paragraph of data text (a `TextRun`: never markdown). */
export const plainParagraph = (expression: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'RichTextBlock',
  inlines: [{ type: 'TextRun', text: expression }],
  ...extra,
});

/** The red banner alert cards open with: a fixed title, then data lines (template expressions) as plain text. */
export const attentionHeader = (title: string, ...lines: string[]): Record<string, unknown> => ({
  type: 'Container',
  style: 'attention',
  bleed: true,
  items: [
    { type: 'TextBlock', text: title, weight: 'Bolder', color: 'Attention', size: 'Small' },
    ...lines.map((line) => plainParagraph(line, { spacing: 'None' })),
  ],
});

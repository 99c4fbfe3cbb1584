import type { AdaptiveCard } from '../platform/types';
import { cardSchema, cardVersion, factRows, renderTemplate, type Fact } from './render';
import { cardText } from './text';

/** Tone of a reply card. */
export type NoticeTone = 'default' | 'good' | 'warning' | 'attention' | 'accent';

/** A reply that shows data: a fixed title of ours, then data lines and facts as plain text runs. */
export interface Notice {
  title: string;
  tone?: NoticeTone;
  lines?: string[];
  facts?: Fact[];
  /** A bulleted list (e.g. dataset suggestions), each item plain text. */
  items?: string[];
  footer?: string;
}

const template: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: cardSchema,
  version: cardVersion,
  body: [
    { type: 'TextBlock', text: '${title}', weight: 'Bolder', wrap: true, color: '${color}' },
    { type: 'RichTextBlock', $data: '${lines}', inlines: [{ type: 'TextRun', text: '${line}' }] },
    factRows,
    { type: 'RichTextBlock', $data: '${items}', spacing: 'Small', inlines: [{ type: 'TextRun', text: '•  ${item}' }] },
    {
      type: 'RichTextBlock',
      $when: "${footer != ''}",
      spacing: 'Medium',
      inlines: [{ type: 'TextRun', text: '${footer}', isSubtle: true }],
    },
  ],
};

const colors: Record<NoticeTone, string> = {
  default: 'Default',
  good: 'Good',
  warning: 'Warning',
  attention: 'Attention',
  accent: 'Accent',
};

/** Renders a {@link Notice}. */
export function noticeCard(notice: Notice): AdaptiveCard {
  return renderTemplate(template, {
    title: notice.title,
    color: colors[notice.tone ?? 'default'],
    lines: (notice.lines ?? []).map((line) => ({ line: cardText(line, 1500) })),
    facts: (notice.facts ?? []).map((fact) => ({ label: fact.label, value: cardText(fact.value, 500) })),
    items: (notice.items ?? []).slice(0, 25).map((item) => ({ item: cardText(item, 300) })),
    footer: cardText(notice.footer ?? '', 500),
  });
}

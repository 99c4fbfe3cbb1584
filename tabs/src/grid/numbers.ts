import { amountBounds, maxCommentLength } from '@planboard/contracts';

/** A parsed cell: the value to keep, or why the input was rejected (in words for the user). */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

interface Separators {
  group: string;
  decimal: string;
}

const enUS: Separators = { group: ',', decimal: '.' };
const separatorCache = new Map<string, Separators>();

/** The group and decimal separators of a locale, as Intl formats numbers there. */
export function localeSeparators(locale?: string): Separators {
  const key = locale ?? '';
  const cached = separatorCache.get(key);
  if (cached) return cached;
  let found = enUS;
  try {
    const parts = new Intl.NumberFormat(locale || undefined).formatToParts(12345.6);
    found = {
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    };
  } catch {
    // An unknown locale tag: fall back to Excel's en-US rules.
  }
  separatorCache.set(key, found);
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Spaces of every kind (a thousands separator in many locales, and what Excel pastes for them). */
const spaces = /[\s\u00a0\u2007\u202f\u2009]/g;
const currency = /^[$€£¥₹]|[$€£¥₹]$/g;

/**
 * Reads digits with one locale's separators: `1234`, `1,234.5`, `.5`, `1e6` (ungrouped only).
 * Grouping must be in threes, so "1,5" is not en-US (it may still be a decimal comma elsewhere).
 */
function readWith(text: string, { group, decimal }: Separators): number | null {
  const g = escape(group);
  const d = escape(decimal);
  const grouped = new RegExp(`^\\d{1,3}(${g}\\d{3})+(${d}\\d*)?$`);
  const plain = new RegExp(`^(\\d+(${d}\\d*)?|${d}\\d+)([eE][+-]?\\d+)?$`);
  if (!grouped.test(text) && !plain.test(text)) return null;
  const normal = text.split(group).join('').replace(decimal, '.');
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

/** Formats a number for messages and cells: grouping, at most 2 decimals. */
export function formatAmount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale || undefined, { maximumFractionDigits: 2 }).format(value);
}

function checkBounds(value: number, locale?: string): ParseResult<number> {
  if (value < amountBounds.min) return { ok: false, reason: `Amounts can't be negative (${formatAmount(value, locale)}).` };
  if (value > amountBounds.max) return { ok: false, reason: `Amounts can be at most ${formatAmount(amountBounds.max, locale)}.` };
  return { ok: true, value };
}

/**
 * Parses an amount the way Excel would read it: en-US (`1,234.5`) and the user's locale via Intl
 * (`1.234,5`, `1 234,5`); the locale wins where both could apply (`1,234` in de-DE is 1.234).
 * Spaces of any kind group digits; a leading or trailing currency sign is ignored; `(5)` and `-5`
 * are negative. Empty means blank (null: a cleared cell, which is not 0). Rejects text, NaN,
 * Infinity and out-of-bounds values.
 */
export function parseAmount(input: unknown, locale?: string): ParseResult<number | null> {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? checkBounds(input, locale) : { ok: false, reason: `“${String(input)}” is not a number.` };
  }
  const original = input === null || input === undefined ? '' : String(input);
  let text = original.replace(spaces, '').replace(currency, '');
  if (text === '') return { ok: true, value: null };
  let negative = false;
  if (/^\(.*\)$/.test(text)) [negative, text] = [true, text.slice(1, -1)];
  if (/^[+-]/.test(text)) [negative, text] = [negative || text.startsWith('-'), text.slice(1)];
  if (text.endsWith('%')) return { ok: false, reason: `“${original.trim()}” is a percentage; type the amount itself.` };
  const local = localeSeparators(locale);
  const value = readWith(text, local) ?? (local.group === enUS.group && local.decimal === enUS.decimal ? null : readWith(text, enUS));
  if (value === null) {
    const shown = original.trim().length > 40 ? `${original.trim().slice(0, 40)}…` : original.trim();
    return { ok: false, reason: `“${shown}” is not a number. Type a number such as ${formatAmount(1234.5, locale)}.` };
  }
  return checkBounds(negative && value !== 0 ? -value : value, locale);
}

/** A comment: any text up to the contract's limit (2,000 characters). */
export function parseComment(input: unknown): ParseResult<string> {
  const text = input === null || input === undefined ? '' : String(input);
  if (text.length > maxCommentLength) {
    return {
      ok: false,
      reason: `Comments can be at most ${formatAmount(maxCommentLength)} characters (this one has ${formatAmount(text.length)}).`,
    };
  }
  return { ok: true, value: text };
}

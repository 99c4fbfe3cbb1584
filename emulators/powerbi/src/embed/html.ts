import type { Scalar } from '../model/types';
import type { PageData, VisualData } from './data';
import { maxTableRows } from './data';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function cell(value: Scalar, numeric: boolean): string {
  if (value === null) return '';
  if (numeric && typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(value)) return value.slice(0, 10);
  return String(value);
}

function visualFrame(visual: VisualData, body: string): string {
  const id = `visual-${escapeHtml(visual.def.name)}`;
  return [
    `<section class="visual visual-${visual.def.type}" data-visual="${escapeHtml(visual.def.name)}" aria-labelledby="${id}-title">`,
    `<h2 class="visual-title" id="${id}-title">${escapeHtml(visual.def.title)}</h2>`,
    body,
    '</section>',
  ].join('');
}

function emptyOrError(visual: VisualData): string | undefined {
  if (visual.error) return `<p class="visual-note" data-visual-error>Can't display this visual. ${escapeHtml(visual.error)}</p>`;
  if (visual.rows.length === 0 && visual.noDataYet)
    return '<p class="visual-note" data-empty="no-data-yet">No data yet: nothing has been loaded into this report.</p>';
  if (visual.rows.length === 0) return '<p class="visual-note" data-empty="no-access">No data to show for your access.</p>';
  return undefined;
}

/** A horizontal bar chart: first column = category, second = value; bars scale to the largest value. */
function barChart(visual: VisualData): string {
  const max = Math.max(0, ...visual.rows.map((row) => (typeof row[1] === 'number' ? row[1] : 0)));
  const bars = visual.rows.map((row) => {
    const label = cell(row[0] ?? null, false);
    const value = typeof row[1] === 'number' ? row[1] : 0;
    const width = max > 0 ? Math.max(0, (value / max) * 100) : 0;
    return [
      `<li class="bar-row" data-category="${escapeHtml(label)}" data-value="${value}">`,
      `<span class="bar-label">${escapeHtml(label)}</span>`,
      `<span class="bar-track" aria-hidden="true"><span class="bar" style="width:${width.toFixed(2)}%"></span></span>`,
      `<span class="bar-value">${escapeHtml(cell(value, true))}</span>`,
      '</li>',
    ].join('');
  });
  const caption = `${visual.headers[1] ?? 'Value'} by ${visual.headers[0] ?? 'category'}`;
  return visualFrame(visual, emptyOrError(visual) ?? `<ul class="bars" aria-label="${escapeHtml(caption)}">${bars.join('')}</ul>`);
}

function table(visual: VisualData): string {
  const head = visual.headers
    .map((header, index) => `<th scope="col"${visual.numeric[index] ? ' class="num"' : ''}>${escapeHtml(header)}</th>`)
    .join('');
  const rows = visual.rows.map(
    (row) =>
      `<tr>${row.map((value, index) => `<td${visual.numeric[index] ? ' class="num"' : ''}>${escapeHtml(cell(value, !!visual.numeric[index]))}</td>`).join('')}</tr>`,
  );
  const more =
    visual.totalRows > visual.rows.length
      ? `<p class="visual-note">Showing the first ${maxTableRows} of ${visual.totalRows} rows.</p>`
      : '';
  const body =
    emptyOrError(visual) ??
    `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(visual.def.title)}"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>${more}`;
  return visualFrame(visual, body);
}

/**
 * The HTML of one report page: its visuals in order, and a footer naming whose rows they are
 * (handy locally to see which effective identity and roles the token carried).
 */
export function pageHtml(data: PageData): string {
  const visuals = data.visuals.map((visual) => (visual.def.type === 'barChart' ? barChart(visual) : table(visual)));
  const who = data.viewer.username
    ? `Rows for ${escapeHtml(data.viewer.username)} (roles: ${escapeHtml(data.viewer.roles.join(', ') || 'none')})`
    : 'Row-level security does not apply to this token';
  return [
    `<div class="page" data-page="${escapeHtml(data.page.name)}">`,
    visuals.join(''),
    '</div>',
    `<footer class="rls" data-effective-user="${escapeHtml(data.viewer.username ?? '')}">Power BI emulator · ${who}</footer>`,
  ].join('');
}

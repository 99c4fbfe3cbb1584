import { budgetSheetColumns } from '@planboard/contracts';

/**
 * Text in .xlsx: a string cell is never evaluated, so text is written unchanged as a string cell
 * (no guard character). What XML cannot carry (control characters, CR, U+FFFE/FFFF, lone
 * surrogates) is written the way Excel writes it, as `_xHHHH_`; a literal `_xHHHH_` in the text has
 * its underscore escaped (`_x005F_`) so reading it back is unambiguous (ECMA-376 ST_Xstring).
 */
const xmlUnsafe =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const xmlEscape = /_x([0-9A-Fa-f]{4})_/g;
const hex4 = (char: string): string => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

export function toXlsxText(value: string): string {
  return value.replace(xmlUnsafe, hex4);
}

/** Decodes `_xHHHH_` exactly once, as Excel does when it opens a file. */
export function fromXlsxText(value: string): string {
  return value.replace(xmlEscape, (_match, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/**
 * Text in .csv: a consumer may evaluate a cell starting with = + - @ tab or CR (OWASP CSV
 * injection), so such text gets a leading `'`. Text that already starts with `'`s followed by one
 * of those characters gets one too, so import can remove exactly one `'` from any cell matching
 * `^'+[trigger]` and every value round-trips; other text (`'quoted`) is left alone both ways.
 */
const csvGuardNeeded = /^'*[=+\-@\t\r]/;
const csvGuarded = /^'+[=+\-@\t\r]/;

export function toCsvText(value: string): string {
  return csvGuardNeeded.test(value) ? `'${value}` : value;
}

export function fromCsvText(value: string): string {
  return csvGuarded.test(value) ? value.slice(1) : value;
}

export type SheetColumnKey = (typeof budgetSheetColumns)[number]['key'];

/** Maps a header row to column positions; unknown or missing headers are reported by name. */
export function mapHeaders(headers: readonly string[]): { positions: Map<SheetColumnKey, number>; missing: string[] } {
  const normalised = headers.map((header) =>
    header
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const positions = new Map<SheetColumnKey, number>();
  const missing: string[] = [];
  for (const column of budgetSheetColumns) {
    const index = normalised.indexOf(column.header.toLowerCase());
    if (index >= 0) positions.set(column.key, index);
    else if (column.key === 'lineId' || column.editable) missing.push(column.header);
  }
  return { positions, missing };
}

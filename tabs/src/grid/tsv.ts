/**
 * Tab-separated values as Excel puts them on the clipboard: rows end with CRLF (or LF), the block
 * ends with one trailing newline, and a cell holding a tab, newline or quote is wrapped in double
 * quotes with inner quotes doubled (`"say ""hi"""`).
 */

/** Parses a TSV block into rows of cells; the trailing newline Excel adds is not an extra row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let index = 0;
  let atCellStart = true;
  const endCell = () => {
    row.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (atCellStart && char === '"') {
      const close = readQuoted(text, index);
      if (close) {
        cell = close.value;
        index = close.next;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (char === '\t') endCell();
    else if (char === '\r' && text[index + 1] === '\n') {
      endRow();
      index += 1;
    } else if (char === '\n' || char === '\r') endRow();
    else cell += char;
    index += 1;
  }
  // The last row, unless the block ended with its newline (then there is nothing pending).
  if (!atCellStart || cell !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * A quoted cell starting at `start`: only if the closing quote is followed by a separator or the
 * end (otherwise Excel treats the quote as ordinary text, and so do we).
 */
function readQuoted(text: string, start: number): { value: string; next: number } | null {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      if (text[index + 1] === '"') {
        value += '"';
        index += 2;
        continue;
      }
      const after = text[index + 1];
      if (after === undefined || after === '\t' || after === '\n' || after === '\r') return { value, next: index + 1 };
      return null;
    }
    value += char;
    index += 1;
  }
  return null;
}

const needsQuotes = /[\t\n\r"]/;

/** One cell as Excel writes it: quoted when it holds a tab, newline or quote. */
export function tsvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as a TSV block with CRLF line ends and the trailing newline Excel expects. */
export function toTsv(rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return '';
  return `${rows.map((row) => row.map(tsvCell).join('\t')).join('\r\n')}\r\n`;
}

import { DaxError, position } from './errors';

type TextKind = 'ident' | 'table' | 'column' | 'string' | 'op';

/** A DAX token. `table` is a quoted name ('My Table'), `column` a bracketed one ([Col]). */
export type Token =
  | { [K in TextKind]: { kind: K; value: string; offset: number } }[TextKind]
  | { kind: 'number'; value: number; offset: number }
  | { kind: 'eof'; offset: number };

const operators = ['&&', '||', '<>', '<=', '>=', '==', '=', '<', '>', '+', '-', '*', '/', '&', '(', ')', ',', '{', '}'];

/** Reads a delimited name or string where the closing delimiter is escaped by doubling it. */
function readDelimited(text: string, start: number, close: string): { value: string; end: number } {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === close) {
      if (text[index + 1] === close) {
        value += close;
        index += 2;
        continue;
      }
      return { value, end: index + 1 };
    }
    value += char;
    index += 1;
  }
  throw new DaxError(`${position(text, start)} The syntax is incorrect: missing ${close}`);
}

/** Splits a DAX query into tokens, skipping whitespace and comments (`//`, `--`, block comments). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    const rest = text.slice(index);
    if (/\s/.test(char)) {
      index += 1;
    } else if (rest.startsWith('//') || rest.startsWith('--')) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end + 1;
    } else if (rest.startsWith('/*')) {
      const end = text.indexOf('*/', index + 2);
      if (end === -1) throw new DaxError(`${position(text, index)} The comment is not closed`);
      index = end + 2;
    } else if (char === "'" || char === '[' || char === '"') {
      const close = char === '[' ? ']' : char;
      const { value, end } = readDelimited(text, index, close);
      const kind = char === "'" ? 'table' : char === '[' ? 'column' : 'string';
      tokens.push({ kind, value, offset: index });
      index = end;
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(text[index + 1] ?? ''))) {
      const match = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest) as RegExpExecArray;
      tokens.push({ kind: 'number', value: Number(match[0]), offset: index });
      index += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest) as RegExpExecArray;
      tokens.push({ kind: 'ident', value: match[0], offset: index });
      index += match[0].length;
    } else {
      const op = operators.find((candidate) => rest.startsWith(candidate));
      if (!op) throw new DaxError(`${position(text, index)} The syntax for '${char}' is incorrect`);
      tokens.push({ kind: 'op', value: op, offset: index });
      index += op.length;
    }
  }
  tokens.push({ kind: 'eof', offset: text.length });
  return tokens;
}

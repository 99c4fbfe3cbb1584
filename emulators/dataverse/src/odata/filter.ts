/** A value a `$filter` literal or a column can hold. */
export type Scalar = string | number | boolean | null;

/** A parsed `$filter` expression: comparisons, `and` / `or` / `not`, and string functions. */
export type FilterNode =
  | { kind: 'compare'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; property: string; value: Scalar }
  | { kind: 'function'; name: 'contains' | 'startswith' | 'endswith'; property: string; value: string }
  | { kind: 'logical'; op: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode };

/** A `$filter` the parser refuses; the route answers 400 with Dataverse's syntax-error code. */
export class FilterSyntaxError extends Error {}

type Token = { type: 'name' | 'string' | 'number' | 'punct'; text: string; position: number };

const tokenPattern = /\s*(?:('(?:[^']|'')*')|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w.]*)|([(),]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < text.length) {
    const position = tokenPattern.lastIndex;
    if (/^\s*$/.test(text.slice(position))) break;
    const match = tokenPattern.exec(text);
    if (!match) throw new FilterSyntaxError(`Syntax error at position ${position} in '${text}'.`);
    const [raw, quoted, number, name, punct] = match;
    const start = tokenPattern.lastIndex - raw.trimStart().length;
    if (quoted !== undefined) tokens.push({ type: 'string', text: quoted.slice(1, -1).replace(/''/g, "'"), position: start });
    else if (number !== undefined) tokens.push({ type: 'number', text: number, position: start });
    else if (name !== undefined) tokens.push({ type: 'name', text: name, position: start });
    else tokens.push({ type: 'punct', text: punct ?? '', position: start });
  }
  return tokens;
}

const comparisons = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const functions = new Set(['contains', 'startswith', 'endswith']);

/** Recursive descent over OData's precedence: `or` < `and` < `not` < comparison. */
class Parser {
  private index = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): FilterNode {
    const node = this.or();
    const extra = this.tokens[this.index];
    if (extra) this.fail(extra.position);
    return node;
  }

  private fail(position = this.source.length): never {
    throw new FilterSyntaxError(`Syntax error at position ${position} in '${this.source}'.`);
  }

  private next(): Token {
    const token = this.tokens[this.index++];
    return token ?? this.fail();
  }

  private peekName(text: string): boolean {
    const token = this.tokens[this.index];
    return token?.type === 'name' && token.text.toLowerCase() === text;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text) this.fail(token.position);
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.peekName('or')) {
      this.index++;
      left = { kind: 'logical', op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.peekName('and')) {
      this.index++;
      left = { kind: 'logical', op: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.peekName('not')) {
      this.index++;
      return { kind: 'not', operand: this.unary() };
    }
    const token = this.next();
    if (token.type === 'punct' && token.text === '(') {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (token.type !== 'name') this.fail(token.position);
    const name = token.text.toLowerCase();
    if (functions.has(name) && this.tokens[this.index]?.text === '(') {
      this.index++;
      const property = this.next();
      this.expect(',');
      const value = this.next();
      this.expect(')');
      if (property.type !== 'name' || value.type !== 'string') this.fail(property.position);
      return { kind: 'function', name: name as 'contains', property: property.text, value: value.text };
    }
    const op = this.next();
    if (op.type !== 'name' || !comparisons.has(op.text.toLowerCase())) this.fail(op.position);
    return { kind: 'compare', op: op.text.toLowerCase() as 'eq', property: token.text, value: this.literal() };
  }

  private literal(): Scalar {
    const token = this.next();
    if (token.type === 'string') return token.text;
    if (token.type === 'number') return Number(token.text);
    if (token.type === 'name' && ['true', 'false', 'null'].includes(token.text)) return JSON.parse(token.text) as Scalar;
    return this.fail(token.position);
  }
}

/** Parses a `$filter` value (eq/ne/gt/ge/lt/le, and/or/not, parentheses, contains/startswith/endswith). */
export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text), text).parse();
}

/** The properties a filter reads (for the "Could not find a property" check). */
export function filterProperties(node: FilterNode): string[] {
  if (node.kind === 'logical') return [...filterProperties(node.left), ...filterProperties(node.right)];
  if (node.kind === 'not') return filterProperties(node.operand);
  return [node.property];
}

function compare(left: Scalar, right: Scalar): number {
  if (left === null || right === null) return left === right ? 0 : NaN;
  if (typeof left === 'string' && typeof right === 'string') return left.toLowerCase().localeCompare(right.toLowerCase());
  return Number(left) - Number(right);
}

/** Whether a row matches. String comparisons ignore case, as Dataverse's default collation does. */
export function matchesFilter(node: FilterNode, row: Record<string, Scalar>): boolean {
  switch (node.kind) {
    case 'logical':
      return node.op === 'and'
        ? matchesFilter(node.left, row) && matchesFilter(node.right, row)
        : matchesFilter(node.left, row) || matchesFilter(node.right, row);
    case 'not':
      return !matchesFilter(node.operand, row);
    case 'function': {
      const value = String(row[node.property] ?? '').toLowerCase();
      const needle = node.value.toLowerCase();
      return node.name === 'contains'
        ? value.includes(needle)
        : node.name === 'startswith'
          ? value.startsWith(needle)
          : value.endsWith(needle);
    }
    case 'compare': {
      const order = compare(row[node.property] ?? null, node.value);
      const ops = { eq: order === 0, ne: order !== 0, gt: order > 0, ge: order >= 0, lt: order < 0, le: order <= 0 };
      return ops[node.op];
    }
  }
}

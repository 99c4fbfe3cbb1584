import type { BinaryOp, Expr, Query, Statement } from './ast';
import { DaxError, position } from './errors';
import { tokenize, type Token } from './lexer';
import { assertNever } from '../util/assert-never';

const precedence: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '=': 4,
  '==': 4,
  '<>': 4,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  IN: 4,
  '&': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
};
/** NOT binds looser than comparisons: `NOT a = b` is `NOT (a = b)`. */
const notPrecedence = 3;

class Parser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private fail(token: Token, message: string): never {
    throw new DaxError(`${position(this.text, token.offset)} ${message}`);
  }

  private atOp(value: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.value === value;
  }

  private isKeyword(token: Token, word: string): boolean {
    return token.kind === 'ident' && token.value.toUpperCase() === word;
  }

  private expectOp(op: string): void {
    const token = this.next();
    if (token.kind !== 'op' || token.value !== op) this.fail(token, `The syntax is incorrect: expected '${op}'`);
  }

  parseQuery(): Query {
    const statements: Statement[] = [];
    if (this.isKeyword(this.peek(), 'DEFINE')) this.fail(this.peek(), 'DEFINE is outside the DAX subset the emulator supports');
    while (this.isKeyword(this.peek(), 'EVALUATE')) {
      this.next();
      const table = this.parseExpr(0);
      const orderBy: Statement['orderBy'] = [];
      if (this.isKeyword(this.peek(), 'ORDER')) {
        this.next();
        const by = this.next();
        if (!this.isKeyword(by, 'BY')) this.fail(by, "The syntax is incorrect: expected 'BY'");
        do {
          const expr = this.parseExpr(0);
          const order = this.peek();
          const explicit = this.isKeyword(order, 'ASC') || this.isKeyword(order, 'DESC');
          if (explicit) this.next();
          orderBy.push({ expr, descending: explicit && this.isKeyword(order, 'DESC') });
        } while (this.atOp(',') && this.next());
      }
      if (this.isKeyword(this.peek(), 'START')) this.fail(this.peek(), 'START AT is outside the DAX subset the emulator supports');
      statements.push({ table, orderBy });
    }
    const end = this.peek();
    if (statements.length === 0) this.fail(end, 'The query must start with EVALUATE');
    if (end.kind !== 'eof') this.fail(end, `The syntax for '${String(end.value)}' is incorrect`);
    return { statements };
  }

  private parseExpr(minPrecedence: number): Expr {
    let left = this.parsePrefix();
    for (;;) {
      const token = this.peek();
      const op = token.kind === 'op' ? token.value : this.isKeyword(token, 'IN') ? 'IN' : undefined;
      const level = op === undefined ? undefined : precedence[op];
      if (op === undefined || level === undefined || level <= minPrecedence) return left;
      this.next();
      const right = this.parseExpr(level);
      left =
        op === 'IN'
          ? { kind: 'in', left, right, offset: token.offset }
          : { kind: 'binary', op: op as BinaryOp, left, right, offset: token.offset };
    }
  }

  private parsePrefix(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'literal', value: token.value };
      case 'string':
        return { kind: 'literal', value: token.value };
      case 'column':
        return { kind: 'columnRef', column: token.value, offset: token.offset };
      case 'table':
        return this.tableOrColumn(token.value, token.offset);
      case 'ident':
        return this.identifier(token);
      case 'op':
        return this.operatorPrefix(token);
      case 'eof':
        return this.fail(token, 'The query ended unexpectedly');
      default:
        return assertNever(token);
    }
  }

  private tableOrColumn(table: string, offset: number): Expr {
    const following = this.peek();
    if (following.kind === 'column') {
      this.next();
      return { kind: 'columnRef', table, column: following.value, offset };
    }
    return { kind: 'tableRef', name: table, offset };
  }

  private identifier(token: Extract<Token, { kind: 'ident' }>): Expr {
    const upper = token.value.toUpperCase();
    if (upper === 'NOT' && !this.atOp('(')) return { kind: 'not', operand: this.parseExpr(notPrecedence) };
    if (upper === 'ASC' || upper === 'DESC') return { kind: 'sortOrder', descending: upper === 'DESC' };
    if (upper === 'VAR' || upper === 'RETURN' || upper === 'DEFINE')
      this.fail(token, `${upper} is outside the DAX subset the emulator supports`);
    if (this.atOp('(')) {
      this.next();
      const args: Expr[] = [];
      if (!this.atOp(')')) {
        do args.push(this.parseExpr(0));
        while (this.atOp(',') && this.next());
      }
      this.expectOp(')');
      return { kind: 'call', name: upper, args, offset: token.offset };
    }
    return this.tableOrColumn(token.value, token.offset);
  }

  private operatorPrefix(token: Extract<Token, { kind: 'op' }>): Expr {
    if (token.value === '(') {
      const inner = this.parseExpr(0);
      this.expectOp(')');
      return inner;
    }
    if (token.value === '-') return { kind: 'negate', operand: this.parseExpr(7) };
    if (token.value === '+') return this.parseExpr(7);
    if (token.value === '{') {
      const values: Expr[] = [];
      if (!this.atOp('}')) {
        do values.push(this.parseExpr(0));
        while (this.atOp(',') && this.next());
      }
      this.expectOp('}');
      return { kind: 'tableConstructor', values };
    }
    return this.fail(token, `The syntax for '${token.value}' is incorrect`);
  }
}

/** Parses a query (`EVALUATE …`). Throws DaxError on anything outside the subset. */
export function parseQuery(text: string): Query {
  return new Parser(text, tokenize(text)).parseQuery();
}

/** Parses a single expression (RLS role filters such as `'Security'[UPN] = USERPRINCIPALNAME()`). */
export function parseExpression(text: string): Expr {
  const parser = new Parser(`EVALUATE ${text}`, tokenize(`EVALUATE ${text}`));
  const query = parser.parseQuery();
  const statement = query.statements[0];
  if (!statement || query.statements.length !== 1 || statement.orderBy.length) throw new DaxError(`Not a single expression: ${text}`);
  return statement.table;
}

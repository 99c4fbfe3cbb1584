import type { Scalar } from '../model/types';

/** A DAX expression of the supported subset. */
export type Expr =
  | { kind: 'tableRef'; name: string; offset: number }
  | { kind: 'columnRef'; table?: string; column: string; offset: number }
  | { kind: 'literal'; value: Scalar }
  | { kind: 'call'; name: string; args: Expr[]; offset: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; offset: number }
  | { kind: 'not'; operand: Expr }
  | { kind: 'negate'; operand: Expr }
  | { kind: 'in'; left: Expr; right: Expr; offset: number }
  | { kind: 'tableConstructor'; values: Expr[] }
  | { kind: 'sortOrder'; descending: boolean };

/** Infix operators (IN is its own node). */
export type BinaryOp = '&&' | '||' | '=' | '==' | '<>' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '&';

/** One `EVALUATE <table> [ORDER BY …]` statement. */
export interface Statement {
  table: Expr;
  orderBy: { expr: Expr; descending: boolean }[];
}

/** A parsed query: one or more statements (the service answers only the first table, NOTES §5). */
export interface Query {
  statements: Statement[];
}

import type { Scalar } from '../model/types';
import type { BinaryOp } from './ast';
import { DaxError } from './errors';

function typeName(value: Scalar): string {
  if (value === null) return 'Blank';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Number';
  return typeof value === 'string' ? 'Text' : 'True/False';
}

function mismatch(left: Scalar, right: Scalar): never {
  throw new DaxError(
    `DAX comparison operations do not support comparing values of type ${typeName(left)} with values of type ${typeName(right)}.`,
  );
}

/** Booleans take part in numeric comparisons as 1/0, as DAX converts them. */
function numeric(value: Scalar): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

/**
 * Orders two values as DAX does: BLANK equals 0, "" and FALSE; text compares case-insensitively;
 * text against a number is a type error.
 */
export function compare(left: Scalar, right: Scalar): number {
  if (left === null && right === null) return 0;
  if (left === null) return compare(typeof right === 'string' ? '' : 0, right);
  if (right === null) return compare(left, typeof left === 'string' ? '' : 0);
  if (typeof left === 'string' || typeof right === 'string') {
    if (typeof left !== 'string' || typeof right !== 'string') return mismatch(left, right);
    const a = left.toLowerCase();
    const b = right.toLowerCase();
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const a = numeric(left) as number;
  const b = numeric(right) as number;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `=`: the DAX equality (BLANK-tolerant, case-insensitive). */
export function daxEquals(left: Scalar, right: Scalar): boolean {
  return compare(left, right) === 0;
}

/** A condition's truth: FILTER keeps a row when this is true. */
export function truthy(value: Scalar): boolean {
  if (value === null) return false;
  if (typeof value === 'string') throw new DaxError(`Cannot convert value '${value}' of type Text to type True/False.`);
  return Boolean(value);
}

function arithmetic(value: Scalar): number {
  if (value === null) return 0;
  const number = numeric(value);
  if (number === undefined) throw new DaxError(`Cannot convert value '${String(value)}' of type Text to type Number.`);
  return number;
}

/** Applies an infix operator (the logical ones are short-circuited by the evaluator). */
export function applyBinary(op: Exclude<BinaryOp, '&&' | '||'>, left: Scalar, right: Scalar): Scalar {
  switch (op) {
    case '=':
      return daxEquals(left, right);
    case '==':
      return left === null || right === null ? left === right : daxEquals(left, right);
    case '<>':
      return !daxEquals(left, right);
    case '<':
      return compare(left, right) < 0;
    case '>':
      return compare(left, right) > 0;
    case '<=':
      return compare(left, right) <= 0;
    case '>=':
      return compare(left, right) >= 0;
    case '&':
      return `${left ?? ''}${right ?? ''}`;
    case '+':
      return left === null && right === null ? null : arithmetic(left) + arithmetic(right);
    case '-':
      return left === null && right === null ? null : arithmetic(left) - arithmetic(right);
    case '*':
      return left === null || right === null ? null : arithmetic(left) * arithmetic(right);
    case '/':
      return left === null
        ? null
        : arithmetic(right) === 0
          ? arithmetic(left) === 0
            ? null
            : Infinity
          : arithmetic(left) / arithmetic(right);
  }
}

/** A key under which equal values (DAX equality) group together. */
export function groupKey(value: Scalar): string {
  return typeof value === 'string' ? `s:${value.toLowerCase()}` : `${typeof value}:${String(value)}`;
}

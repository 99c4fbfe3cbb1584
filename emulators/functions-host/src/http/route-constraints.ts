/** A route constraint such as `int` or `range(1,10)` as written in a template. */
export interface RouteConstraint {
  name: string;
  args: string[];
}

type Check = (value: string, args: string[]) => boolean;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const INTEGER = /^[-+]?\d+$/;
const GUID = /^[{(]?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}[)}]?$/i;

function inInt64(value: string): boolean {
  if (!INTEGER.test(value)) return false;
  const big = BigInt(value);
  return big >= -(2n ** 63n) && big < 2n ** 63n;
}

// Same names and meaning as ASP.NET Core's inline route constraints, which the Functions host uses.
const CHECKS: Record<string, Check> = {
  int: (v) => INTEGER.test(v) && Number(v) >= -(2 ** 31) && Number(v) < 2 ** 31,
  long: (v) => inInt64(v),
  bool: (v) => /^(true|false)$/i.test(v),
  datetime: (v) => !Number.isNaN(Date.parse(v)),
  decimal: (v) => NUMBER.test(v),
  double: (v) => NUMBER.test(v),
  float: (v) => NUMBER.test(v),
  guid: (v) => GUID.test(v),
  alpha: (v) => /^[a-z]*$/i.test(v),
  required: (v) => v.length > 0,
  min: (v, [min]) => inInt64(v) && BigInt(v) >= BigInt(min ?? '0'),
  max: (v, [max]) => inInt64(v) && BigInt(v) <= BigInt(max ?? '0'),
  range: (v, [min, max]) => inInt64(v) && BigInt(v) >= BigInt(min ?? '0') && BigInt(v) <= BigInt(max ?? '0'),
  minlength: (v, [min]) => v.length >= Number(min),
  maxlength: (v, [max]) => v.length <= Number(max),
  length: (v, [a, b]) => (b === undefined ? v.length === Number(a) : v.length >= Number(a) && v.length <= Number(b)),
  regex: (v, [pattern]) => new RegExp(pattern ?? '', 'i').test(v),
};

/** True when the constraint name is one this host evaluates (others are tolerated and ignored). */
export function isKnownConstraint(name: string): boolean {
  return name.toLowerCase() in CHECKS;
}

/** Checks a (decoded) route value against one constraint; unknown constraints accept everything. */
export function satisfies(value: string, constraint: RouteConstraint): boolean {
  const check = CHECKS[constraint.name.toLowerCase()];
  if (!check) return true;
  try {
    return check(value, constraint.args);
  } catch {
    // e.g. a non-numeric argument to min(): the template is wrong, so nothing matches, as in ASP.NET.
    return false;
  }
}

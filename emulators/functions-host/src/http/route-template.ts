import { isKnownConstraint, satisfies, type RouteConstraint } from './route-constraints';

/** A `{...}` parameter of a route template. */
export interface RouteParameter {
  name: string;
  optional: boolean;
  catchAll: boolean;
  defaultValue?: string;
  constraints: RouteConstraint[];
}

type Part = { kind: 'literal'; text: string } | { kind: 'param'; param: RouteParameter };

/** A template compiled to a matcher. */
export interface CompiledRoute {
  readonly template: string;
  readonly parameters: RouteParameter[];
  /** ASP.NET inbound precedence digits per segment: lower sorts first (literal 1 … catch-all 5). */
  readonly precedence: number[];
  /** Constraint names that are not evaluated locally (tolerated like unknown-but-valid ones). */
  readonly ignoredConstraints: string[];
  /** Route values for a raw (still percent-encoded) path, or null when it does not match. */
  match(path: string): Record<string, string> | null;
}

function parseParameter(inner: string, template: string): RouteParameter {
  let rest = inner;
  let catchAll = false;
  if (rest.startsWith('**')) [catchAll, rest] = [true, rest.slice(2)];
  else if (rest.startsWith('*')) [catchAll, rest] = [true, rest.slice(1)];
  const nameMatch = /^[^:=?]+/.exec(rest);
  if (!nameMatch) throw new Error(`Invalid route template '${template}': empty parameter name.`);
  const name = nameMatch[0].trim();
  rest = rest.slice(nameMatch[0].length);
  const constraints: RouteConstraint[] = [];
  while (rest.startsWith(':')) {
    const cname = /^:([A-Za-z0-9_]+)/.exec(rest);
    if (!cname) throw new Error(`Invalid route template '${template}': bad constraint in '{${inner}}'.`);
    rest = rest.slice(cname[0].length);
    let args: string[] = [];
    if (rest.startsWith('(')) {
      let depth = 0;
      let end = 0;
      for (; end < rest.length; end += 1) {
        if (rest[end] === '\\') end += 1;
        else if (rest[end] === '(') depth += 1;
        else if (rest[end] === ')' && --depth === 0) break;
      }
      const raw = rest.slice(1, end);
      // regex() arguments may contain commas; every other constraint takes a comma list.
      args = cname[1]?.toLowerCase() === 'regex' ? [raw] : raw.split(',').map((a) => a.trim());
      rest = rest.slice(end + 1);
    }
    constraints.push({ name: cname[1] as string, args });
  }
  let optional = false;
  let defaultValue: string | undefined;
  if (rest.endsWith('?')) [optional, rest] = [true, rest.slice(0, -1)];
  if (rest.startsWith('=')) [defaultValue, rest] = [rest.slice(1), ''];
  if (rest !== '') throw new Error(`Invalid route template '${template}': unexpected '${rest}' in '{${inner}}'.`);
  return { name, optional, catchAll, defaultValue, constraints };
}

/** Splits a template into segments of literal and parameter parts (`{{`/`}}` escape braces). */
export function parseTemplate(template: string): Part[][] {
  const segments: Part[][] = [[]];
  let literal = '';
  const flush = (): void => {
    if (literal) segments[segments.length - 1]?.push({ kind: 'literal', text: literal });
    literal = '';
  };
  for (let i = 0; i < template.length; i += 1) {
    const char = template[i] as string;
    const next = template[i + 1];
    if ((char === '{' && next === '{') || (char === '}' && next === '}')) {
      literal += char;
      i += 1;
    } else if (char === '{') {
      let inner = '';
      let j = i + 1;
      for (; j < template.length; j += 1) {
        const c = template[j] as string;
        if ((c === '}' || c === '{') && template[j + 1] === c) [inner, j] = [inner + c, j + 1];
        else if (c === '}') break;
        else inner += c;
      }
      if (j >= template.length) throw new Error(`Invalid route template '${template}': unclosed '{'.`);
      flush();
      segments[segments.length - 1]?.push({ kind: 'param', param: parseParameter(inner, template) });
      i = j;
    } else if (char === '}') {
      throw new Error(`Invalid route template '${template}': unmatched '}'.`);
    } else if (char === '/') {
      flush();
      segments.push([]);
    } else literal += char;
  }
  flush();
  return segments.filter((segment) => segment.length > 0);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function decodeValue(raw: string): string {
  try {
    // Like ASP.NET, an encoded slash stays encoded so values cannot smuggle path separators.
    return decodeURIComponent(raw.replace(/%2F/gi, '%252F'));
  } catch {
    return raw;
  }
}

/**
 * Compiles `prefix/template` (ASP.NET Core route syntax, as the Functions host uses) into a
 * case-insensitive matcher: `{id}`, `{id?}`, `{id=default}`, `{*rest}`/`{**rest}`, constraints
 * `{id:int}`, `{n:range(1,9)}`, `{s:regex(...)}`, and complex segments like `{name}.{ext}`.
 */
export function compileRoute(prefix: string, template: string): CompiledRoute {
  const full = [prefix, template.replace(/^~?\/+/, '')].filter((part) => part !== '').join('/');
  const segments = parseTemplate(full);
  const parameters: RouteParameter[] = [];
  const precedence: number[] = [];
  let source = '^';
  segments.forEach((parts, index) => {
    const only = parts.length === 1 ? parts[0] : undefined;
    if (only?.kind === 'param') {
      const { param } = only;
      if (param.catchAll && index !== segments.length - 1)
        throw new Error(`Invalid route template '${template}': a catch-all parameter must be last.`);
      const group = `(?<g${parameters.length}>${param.catchAll ? '.*' : '[^/]+'})`;
      parameters.push(param);
      source += param.catchAll || param.optional || param.defaultValue !== undefined ? `(?:/${group})?` : `/${group}`;
      precedence.push(param.catchAll ? 5 : param.constraints.length > 0 ? 3 : 4);
      return;
    }
    source += '/';
    // `{name}.{ext?}`: the separator before a trailing optional parameter is optional too, and the
    // split happens at the last separator (ASP.NET matches complex segments right to left).
    const last = parts[parts.length - 1];
    const separator = parts[parts.length - 2];
    const optionalTail =
      parts.length >= 3 && last?.kind === 'param' && last.param.optional && separator?.kind === 'literal' ? separator.text : undefined;
    parts.forEach((part, partIndex) => {
      if (part.kind === 'literal') {
        if (optionalTail === undefined || partIndex !== parts.length - 2) source += escape(part.text);
        return;
      }
      const name = `g${parameters.length}`;
      parameters.push(part.param);
      if (optionalTail !== undefined && partIndex === parts.length - 1) {
        source += `(?:${escape(optionalTail)}(?<${name}>[^/${escape(optionalTail.slice(-1))}]+))?`;
      } else {
        source += `(?<${name}>[^/]+${optionalTail !== undefined && partIndex === parts.length - 3 ? '?' : ''})`;
      }
    });
    precedence.push(only ? 1 : 2);
  });
  const regexp = new RegExp(`${source}/?$`, 'i');
  const ignoredConstraints = parameters.flatMap((p) => p.constraints.map((c) => c.name)).filter((name) => !isKnownConstraint(name));

  return {
    template,
    parameters,
    precedence,
    ignoredConstraints,
    match(path: string): Record<string, string> | null {
      const found = regexp.exec(path);
      if (!found) return null;
      const values: Record<string, string> = {};
      for (const [index, param] of parameters.entries()) {
        const raw = found.groups?.[`g${index}`];
        const value = raw === undefined || raw === '' ? param.defaultValue : decodeValue(raw);
        if (value === undefined) continue;
        if (!param.constraints.every((constraint) => satisfies(value, constraint))) return null;
        values[param.name] = value;
      }
      return values;
    },
  };
}

/** Orders routes as ASP.NET does: segment by segment, literal before constrained before plain before catch-all. */
export function comparePrecedence(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

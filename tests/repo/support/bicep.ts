import { posix } from 'node:path';
import { normalise, type ReadFile } from './files';
import { placeholders } from './placeholders';

/**
 * A small reader for the subset of Bicep used in infra/: enough to cross-check parameters, module
 * calls and outputs without the Bicep CLI (which downloads a binary).
 */

export interface BicepParam {
  name: string;
  hasDefault: boolean;
  secure: boolean;
}

export interface BicepModule {
  symbol: string;
  path: string;
  /** Keys of its `params: { … }` block. */
  params: string[];
}

/** Removes string literals and // comments, keeping line structure (for brace counting). */
function stripStringsAndComments(text: string): string {
  return text.replace(/'(?:[^'\\\n]|\\.)*'/g, "''").replace(/\/\/.*$/gm, '');
}

/** `param` declarations with whether they have a default and a @secure() decorator. */
export function parseParams(text: string): BicepParam[] {
  const params: BicepParam[] = [];
  let decorators: string[] = [];
  for (const line of stripStringsAndComments(text).split('\n')) {
    const param = /^param\s+(\w+)\s+\S+(\s*=)?/.exec(line);
    if (param) {
      params.push({ name: param[1] as string, hasDefault: Boolean(param[2]), secure: decorators.some((d) => d.startsWith('@secure(')) });
      decorators = [];
    } else if (line.startsWith('@')) decorators.push(line.trim());
    else if (decorators.length > 0 && /^(\s|\])/.test(line))
      continue; // inside a multi-line decorator
    else if (line.trim() !== '') decorators = [];
  }
  return params;
}

/** Names of `output` declarations. */
export function parseOutputs(text: string): string[] {
  return [...text.matchAll(/^output\s+(\w+)\s/gm)].map((match) => match[1] as string);
}

/** The text between the `{` at `open` and its matching `}`. */
function block(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error('unbalanced braces');
}

/** Top-level keys of an object body (nested objects/arrays skipped). */
function topLevelKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of body.split('\n')) {
    const key = /^\s*(\w+)\s*:/.exec(line);
    if (depth === 0 && key) keys.push(key[1] as string);
    for (const ch of line) {
      if (ch === '{' || ch === '[' || ch === '(') depth++;
      else if (ch === '}' || ch === ']' || ch === ')') depth--;
    }
  }
  return keys;
}

/** `module sym 'path' = { … params: { … } }` declarations. */
export function parseModules(text: string): BicepModule[] {
  const code = stripStringsAndComments(text);
  const modules: BicepModule[] = [];
  for (const match of text.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=\s*/gm)) {
    // Same offsets in `code`: string literals were replaced by '' only after this header's path.
    const headerInCode = new RegExp(`^module\\s+${match[1]}\\s+''\\s*=\\s*`, 'm').exec(code);
    if (!headerInCode) throw new Error(`cannot locate module ${match[1]}`);
    const body = block(code, headerInCode.index + headerInCode[0].length);
    const paramsAt = /^\s{2}params\s*:\s*\{/m.exec(body);
    const params = paramsAt ? topLevelKeys(block(body, paramsAt.index + paramsAt[0].length - 1)) : [];
    modules.push({ symbol: match[1] as string, path: match[2] as string, params });
  }
  return modules;
}

/** Teams Toolkit's env variable name for an ARM output: upper case, non-alphanumerics to "_". */
export function armOutputEnvName(outputName: string): string {
  return outputName.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** The `parameters` of an ARM parameters file. */
export function parameterValues(parametersJson: string): Record<string, { value?: unknown }> {
  const parsed = JSON.parse(parametersJson) as { parameters?: Record<string, { value?: unknown }> };
  return parsed.parameters ?? {};
}

/** Parameters without default must be supplied; supplied ones must be declared; secrets must be @secure(). */
export function checkParametersFile(bicepText: string, parametersJson: string, label = 'azure.parameters.json'): string[] {
  const declared = new Map(parseParams(bicepText).map((p) => [p.name, p]));
  const supplied = parameterValues(parametersJson);
  const problems: string[] = [];
  for (const param of declared.values()) {
    if (!param.hasDefault && !(param.name in supplied)) problems.push(`${label}: required parameter "${param.name}" is not supplied`);
  }
  for (const [name, entry] of Object.entries(supplied)) {
    const param = declared.get(name);
    if (!param) {
      problems.push(`${label}: "${name}" is not a parameter of the template`);
      continue;
    }
    const vars = placeholders(JSON.stringify(entry.value ?? ''));
    if (vars.some((v) => v.startsWith('SECRET_')) && !param.secure)
      problems.push(`${label}: "${name}" receives a secret but is not @secure()`);
  }
  return problems;
}

/** Every module call supplies its module's required params, only declared ones, and only reads declared outputs. */
export function checkModules(read: ReadFile, mainPath: string): string[] {
  const problems: string[] = [];
  const visit = (path: string): void => {
    const text = read(path);
    const modules = parseModules(text);
    const outputsOf = new Map<string, string[]>();
    for (const mod of modules) {
      const modPath = normalise(posix.join(posix.dirname(normalise(path)), mod.path));
      let modText: string;
      try {
        modText = read(modPath);
      } catch {
        problems.push(`${path}: module ${mod.symbol} points at missing file ${modPath}`);
        continue;
      }
      const declared = new Map(parseParams(modText).map((p) => [p.name, p]));
      for (const p of declared.values()) {
        if (!p.hasDefault && !mod.params.includes(p.name))
          problems.push(`${path}: module ${mod.symbol} does not pass required param "${p.name}" of ${modPath}`);
      }
      for (const name of mod.params) {
        if (!declared.has(name)) problems.push(`${path}: module ${mod.symbol} passes "${name}", which ${modPath} does not declare`);
      }
      outputsOf.set(mod.symbol, parseOutputs(modText));
      visit(modPath);
    }
    for (const ref of text.replace(/(^|\s)\/\/.*$/gm, '').matchAll(/\b(\w+)\.outputs\.(\w+)/g)) {
      const outputs = outputsOf.get(ref[1] as string);
      if (!outputs) problems.push(`${path}: "${ref[0]}" refers to an unknown module`);
      else if (!outputs.includes(ref[2] as string)) problems.push(`${path}: "${ref[0]}" is not an output of module ${ref[1]}`);
    }
  };
  visit(mainPath);
  return problems;
}

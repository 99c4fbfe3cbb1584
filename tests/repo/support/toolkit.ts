import { posix } from 'node:path';
import { parse } from 'yaml';
import { armOutputEnvName, parseOutputs } from './bicep';
import { parseEnvFile } from './envfile';
import { normalise, type ReadFile } from './files';
import { placeholders } from './placeholders';
import { ACTION_KEYS, ACTION_SPECS, BUILT_INS, SETTLED_BY_PROVISION } from './toolkit-actions';

export interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  writeToEnvironmentFile?: Record<string, string>;
}

export interface ProjectFile {
  version: string;
  environmentFolderPath?: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

export const LIFECYCLES = ['provision', 'deploy', 'publish'] as const;

export function parseProjectFile(text: string): ProjectFile {
  return parse(text) as ProjectFile;
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Files (relative to the project root) whose placeholders Toolkit expands when running `action`. */
export function templateFiles(action: Action): string[] {
  const spec = ACTION_SPECS[action.uses];
  const files = (spec?.templateInputs ?? []).map((input) => asString(action.with?.[input]));
  if (action.uses === 'arm/deploy') {
    const templates = (action.with?.templates ?? []) as { parameters?: string }[];
    files.push(...templates.map((t) => asString(t.parameters)));
  }
  return files.filter(Boolean).map(normalise);
}

/** Variables a `script` action checks with infra/scripts/require-env.js (provision stops when one is empty). */
function requiredBy(run: string): string[] {
  const args = /require-env\.js((?:\s+[A-Z][A-Z0-9_]*)+)/.exec(run)?.[1] ?? '';
  return args.split(/\s+/).filter(Boolean);
}

/** Variables an action writes to the environment file. */
export function actionOutputs(action: Action, read: ReadFile): string[] {
  const outputs = [...Object.values(action.writeToEnvironmentFile ?? {}), ...(ACTION_SPECS[action.uses]?.implicitOutputs ?? [])];
  if (action.uses === 'arm/deploy') {
    for (const template of (action.with?.templates ?? []) as { path?: string }[]) {
      outputs.push(...parseOutputs(read(asString(template.path))).map(armOutputEnvName));
    }
  }
  if (action.uses === 'script') {
    outputs.push(...[...asString(action.with?.run).matchAll(/::set-teamsfx-env (\w+)=/g)].map((m) => m[1] as string));
  }
  return outputs;
}

function* actions(project: ProjectFile): Generator<{ where: string; action: Action }> {
  for (const lifecycle of LIFECYCLES) {
    for (const [i, action] of (project[lifecycle] ?? []).entries()) yield { where: `${lifecycle}[${i}] ${action.uses}`, action };
  }
}

/** Structure: schema version, env folder, known actions with their allowed inputs and outputs. */
export function checkShape(read: ReadFile, ymlPath: string): string[] {
  const text = read(ymlPath);
  const project = parseProjectFile(text);
  const problems: string[] = [];
  const schemaVersion = /\$schema=https:\/\/aka\.ms\/teams-toolkit\/(v[\d.]+)\/yaml\.schema\.json/.exec(text)?.[1];
  if (!schemaVersion || schemaVersion !== project.version)
    problems.push(`${ymlPath}: version ${project.version} does not match the $schema comment (${schemaVersion})`);
  if (project.environmentFolderPath !== './env') problems.push(`${ymlPath}: environmentFolderPath should be ./env`);
  for (const { where, action } of actions(project)) {
    const spec = ACTION_SPECS[action.uses];
    if (!spec) {
      problems.push(`${ymlPath} ${where}: unknown action`);
      continue;
    }
    for (const key of Object.keys(action))
      if (!(ACTION_KEYS as readonly string[]).includes(key)) problems.push(`${ymlPath} ${where}: unexpected key "${key}"`);
    const inputs = Object.keys(action.with ?? {});
    for (const key of spec.required) if (!inputs.includes(key)) problems.push(`${ymlPath} ${where}: missing input "${key}"`);
    for (const key of inputs) {
      if (!spec.required.includes(key) && !(spec.optional ?? []).includes(key))
        problems.push(`${ymlPath} ${where}: unknown input "${key}"`);
    }
    for (const key of Object.keys(action.writeToEnvironmentFile ?? {})) {
      if (!(spec.writes ?? []).includes(key)) problems.push(`${ymlPath} ${where}: unknown output "${key}"`);
    }
  }
  return problems;
}

/**
 * Walks provision → deploy → publish in order and reports every ${{VAR}} (in an action's inputs and
 * env, and in the files it expands: Teams manifest, Entra manifest, ARM parameters) that is neither
 * built in, written by an earlier action, nor set in env/.env.<envName>. An empty env-file entry
 * does not count for a variable some action writes (it only documents it), so using such a
 * variable before its action runs is reported. An env-file input left empty and written by no
 * action is reported when a template file uses it: Toolkit leaves unresolved placeholders in
 * manifests and ARM parameters as literal text (inputs of actions, such as the subscription or a
 * dev tunnel URL, may be empty in the committed file: Toolkit or the developer fills them).
 */
export function checkVariables(read: ReadFile, ymlPath: string, envName: string): string[] {
  const project = parseProjectFile(read(ymlPath));
  const envPath = posix.join(normalise(project.environmentFolderPath ?? './env'), `.env.${envName}`);
  const env = parseEnvFile(read(envPath));
  const all = [...actions(project)];
  const writtenByActions = new Set(all.flatMap(({ action }) => actionOutputs(action, read)));
  const defined = new Set<string>(BUILT_INS);
  const emptyInputs = new Set<string>();
  for (const [name, value] of env) {
    if (value !== '') defined.add(name);
    else if (!writtenByActions.has(name)) {
      defined.add(name);
      if (!SETTLED_BY_PROVISION.has(name) && name !== 'APP_NAME_SUFFIX') emptyInputs.add(name); // Toolkit substitutes an empty APP_NAME_SUFFIX
    }
  }
  const problems: string[] = [];
  for (const { where, action } of all) {
    const own = actionOutputs(action, read);
    // infra/scripts/require-env.js fails provision on an empty value: later uses are guarded.
    if (action.uses === 'script') for (const name of requiredBy(asString(action.with?.run))) emptyInputs.delete(name);
    const uses = new Map<string, string>();
    for (const name of placeholders(JSON.stringify([action.with ?? {}, action.env ?? {}]))) uses.set(name, ymlPath);
    for (const file of templateFiles(action)) {
      try {
        for (const name of placeholders(read(file))) if (!uses.has(name)) uses.set(name, file);
      } catch {
        problems.push(`${ymlPath} ${where}: cannot read ${file}`);
      }
    }
    for (const [name, source] of uses) {
      const selfProduced = action.uses === 'aadApp/update' && own.includes(name);
      if (!defined.has(name) && !selfProduced)
        problems.push(`${ymlPath} ${where}: \${{${name}}} (in ${source}) is not defined before this action`);
      if (source !== ymlPath && emptyInputs.has(name)) {
        problems.push(`${ymlPath} ${where}: \${{${name}}} (in ${source}) is empty in ${envPath} and no action writes it`);
      }
    }
    for (const name of own) defined.add(name);
  }
  return problems;
}

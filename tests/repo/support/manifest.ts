import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppManifestUtils as AppManifestUtilsType } from '@microsoft/app-manifest';

// The package's entry point also loads strip-bom, an ES module jest cannot require (Node 20). Its
// validator never strips BOMs, so stand in a CommonJS equivalent, then load the package lazily.
jest.mock('strip-bom', () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }));
const appManifest = (): { AppManifestUtils: typeof AppManifestUtilsType } =>
  require('@microsoft/app-manifest') as { AppManifestUtils: typeof AppManifestUtilsType };

/** The Teams JSON schemas shipped inside @microsoft/app-manifest (build/json-schemas/teams/v1.x). */
const bundledSchemasDir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/i;

/** Published manifest versions bundled offline, oldest first (e.g. ["1.0", …, "1.30"]). */
export function bundledManifestVersions(): string[] {
  return readdirSync(bundledSchemasDir)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1))
    .sort((a, b) => {
      const [amaj = 0, amin = 0] = a.split('.').map(Number);
      const [bmaj = 0, bmin = 0] = b.split('.').map(Number);
      return amaj - bmaj || amin - bmin;
    });
}

/** The bundled schema file for a manifest `$schema` URL; throws rather than ever downloading one. */
export function bundledSchemaPath(schemaUrl: string): string {
  const version = SCHEMA_URL.exec(schemaUrl)?.[1];
  if (!version) throw new Error(`not a Teams manifest schema URL: ${schemaUrl}`);
  const file = join(bundledSchemasDir, version, 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) throw new Error(`schema ${version} is not bundled in @microsoft/app-manifest`);
  return file;
}

/** Loads a bundled schema the way the package does (it cleans \a and \v escapes that JSON rejects). */
export function loadBundledSchema(schemaUrl: string): object {
  const raw = readFileSync(bundledSchemaPath(schemaUrl), 'utf8');
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as object;
}

type ManifestArg = Parameters<typeof AppManifestUtilsType.validateAgainstSchema>[0];
type SchemaArg = Parameters<typeof AppManifestUtilsType.validateAgainstSchema>[1];

/**
 * Validates a (placeholder-free) Teams manifest against the official schema named by its `$schema`,
 * with the package's own validator (AJV draft-04, all errors), passing the schema explicitly so
 * nothing is fetched. Returns the error messages; empty when valid.
 */
export async function validateTeamsManifest(manifest: { $schema?: string }): Promise<string[]> {
  if (!manifest.$schema) return ['manifest has no $schema'];
  const schema = loadBundledSchema(manifest.$schema);
  return appManifest().AppManifestUtils.validateAgainstSchema(manifest as unknown as ManifestArg, schema as unknown as SchemaArg);
}

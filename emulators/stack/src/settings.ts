import { resolve } from 'node:path';

/** The repository root (emulators/stack/dist → ../../..). */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** Local state (Azurite data, stack.json); PLANBOARD_LOCAL_DIR moves it (tests use a temp folder). */
export const localDir = process.env.PLANBOARD_LOCAL_DIR ? resolve(process.env.PLANBOARD_LOCAL_DIR) : resolve(repoRoot, '.local');

/** A port the stack listens on, the variable that moves it, and its conventional default. */
export interface PortSetting {
  readonly variable: string;
  readonly service: string;
  readonly defaultPort: number;
}

/** Default ports follow the usual conventions (func 7071, bot 3978, Teams tab 53000, Azurite 10000–10002). */
export const portSettings = {
  azuriteBlob: { variable: 'AZURITE_BLOB_PORT', service: 'Azurite (blob)', defaultPort: 10000 },
  azuriteQueue: { variable: 'AZURITE_QUEUE_PORT', service: 'Azurite (queue)', defaultPort: 10001 },
  azuriteTable: { variable: 'AZURITE_TABLE_PORT', service: 'Azurite (table)', defaultPort: 10002 },
  api: { variable: 'API_PORT', service: 'API Functions host', defaultPort: 7071 },
  bot: { variable: 'BOT_PORT', service: 'bot Functions host', defaultPort: 3978 },
  tab: { variable: 'TAB_PORT', service: 'tab (Vite)', defaultPort: 53000 },
  powerbi: { variable: 'POWERBI_PORT', service: 'Power BI emulator', defaultPort: 7400 },
  powerbiHttps: { variable: 'POWERBI_HTTPS_PORT', service: 'Power BI emulator (HTTPS, report embed page)', defaultPort: 7443 },
  graph: { variable: 'GRAPH_PORT', service: 'Microsoft Graph emulator (OneDrive store sales)', defaultPort: 7410 },
  graphHttps: { variable: 'GRAPH_HTTPS_PORT', service: 'Microsoft Graph emulator (HTTPS, for the Graph SDK)', defaultPort: 7411 },
  dataverse: { variable: 'DATAVERSE_PORT', service: 'Dataverse emulator (store master data)', defaultPort: 7420 },
  identity: { variable: 'IDENTITY_PORT', service: 'identity provider (HTTPS)', defaultPort: 53443 },
  identityHttp: { variable: 'IDENTITY_HTTP_PORT', service: 'identity provider (browser, HTTP)', defaultPort: 53444 },
  playground: { variable: 'PLAYGROUND_PORT', service: 'Microsoft 365 Agents Playground', defaultPort: 56150 },
} as const satisfies Record<string, PortSetting>;

export type PortName = keyof typeof portSettings;
export type StackPorts = Record<PortName, number>;

/** Reads each port from its variable (or the default); rejects values that are not ports. */
export function portsFromEnv(env: NodeJS.ProcessEnv = process.env): StackPorts {
  const entries = Object.entries(portSettings).map(([name, setting]) => {
    const raw = env[setting.variable];
    const port = raw === undefined || raw === '' ? setting.defaultPort : Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`${setting.variable}=${raw} is not a valid port (1–65535).`);
    }
    return [name, port] as const;
  });
  return Object.fromEntries(entries) as StackPorts;
}

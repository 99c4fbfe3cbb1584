import { bundledManifestVersions, validateTeamsManifest } from './support/manifest';
import { readRepoFile } from './support/files';
import { fillPlaceholders, placeholders } from './support/placeholders';

/** Values like the ones Toolkit writes to env/.env.dev after provisioning. */
const SAMPLE_ENV = {
  TEAMS_APP_ID: '6f0b5a5e-3c1d-4d8e-9a4b-2f6c8d0e1a23',
  APP_NAME_SUFFIX: '-dev',
  TAB_ENDPOINT: 'https://stplanboarda1b2c3web.z6.web.core.windows.net',
  TAB_DOMAIN: 'stplanboarda1b2c3web.z6.web.core.windows.net',
  BOT_ID: '0d2f4c6e-8a1b-4c3d-9e5f-7a9b1c3d5e7f',
  AAD_APP_CLIENT_ID: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

type Manifest = Record<string, unknown> & {
  $schema: string;
  manifestVersion: string;
  staticTabs: { entityId: string; name: string; contentUrl: string; websiteUrl: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[] }[];
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    commandLists: { scopes: string[]; commands: { title: string; description?: string }[] }[];
  }[];
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  icons: { color: string; outline: string };
};

const template = readRepoFile('appPackage/manifest.json');
const filled = (): Manifest => JSON.parse(fillPlaceholders(template, SAMPLE_ENV)) as Manifest;
const raw = JSON.parse(template) as Manifest;

const PAGES = ['budget', 'kpis', 'reports', 'stores', 'operations', 'training', 'access'];
const COMMANDS = ['help', 'status', 'refresh', 'schedule', 'subscribe', 'unsubscribe', 'training'];

describe('appPackage/manifest.json', () => {
  it('uses only the Toolkit variables the environments provide', () => {
    expect(placeholders(template).sort()).toEqual(Object.keys(SAMPLE_ENV).sort());
  });

  it('is valid against the official schema it names (bundled offline in @microsoft/app-manifest)', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in this test'));
    try {
      await expect(validateTeamsManifest(filled())).resolves.toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('targets the newest manifest version bundled in @microsoft/app-manifest', () => {
    const newest = bundledManifestVersions().at(-1);
    expect(newest).toBeDefined();
    expect(raw.manifestVersion).toBe(newest);
    expect(raw.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });

  it('the validator rejects a broken manifest (so a pass above means something)', async () => {
    const broken = filled();
    delete broken.developer;
    broken.accentColor = 'blue';
    broken.bots[0]!.botId = 'not-a-guid';
    broken.staticTabs[0]!.contentUrl = 'ftp://example.com';
    const errors = await validateTeamsManifest(broken);
    expect(errors.join('\n')).toMatch(/required property 'developer'/);
    expect(errors.some((e) => e.startsWith('/accentColor '))).toBe(true);
    expect(errors.some((e) => e.startsWith('/bots/0/botId '))).toBe(true);
    expect(errors.some((e) => e.startsWith('/staticTabs/0/contentUrl '))).toBe(true);
  });

  it('has one personal static tab per page, with unique entity ids and hash routes on the tab endpoint', () => {
    const tabs = raw.staticTabs;
    expect(tabs.map((t) => t.entityId)).toEqual(PAGES);
    expect(new Set(tabs.map((t) => t.entityId)).size).toBe(tabs.length);
    for (const tab of tabs) {
      expect(tab.contentUrl).toBe(`\${{TAB_ENDPOINT}}/index.html#/${tab.entityId}`);
      expect(tab.websiteUrl).toBe(tab.contentUrl);
      expect(tab.scopes).toEqual(['personal']);
    }
  });

  it('has a configurable tab for channels and group chats', () => {
    expect(raw.configurableTabs).toEqual([
      expect.objectContaining({ configurationUrl: '${{TAB_ENDPOINT}}/index.html#/config', scopes: ['team', 'groupChat'] }),
    ]);
  });

  it('declares the bot in every scope with the seven commands, each described, in every command list', () => {
    const [bot] = raw.bots;
    expect(bot?.botId).toBe('${{BOT_ID}}');
    expect(bot?.supportsFiles).toBe(false);
    expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot?.commandLists.flatMap((list) => list.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot?.commandLists ?? []) {
      expect(list.commands.map((c) => c.title)).toEqual(COMMANDS);
      for (const command of list.commands) expect(command.description?.length).toBeGreaterThan(20);
    }
  });

  it('enables SSO against the Entra app that aad.manifest.json describes', () => {
    const aad = JSON.parse(readRepoFile('aad.manifest.json')) as { appId: string; identifierUris: string[] };
    expect(raw.webApplicationInfo).toEqual({ id: '${{AAD_APP_CLIENT_ID}}', resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}' });
    expect(aad.appId).toBe(raw.webApplicationInfo.id);
    expect(aad.identifierUris).toEqual([raw.webApplicationInfo.resource]);
  });

  it('allows the tab domain and Power BI for embedded reports', () => {
    expect(raw.validDomains).toEqual(expect.arrayContaining(['${{TAB_DOMAIN}}', '*.powerbi.com', 'app.powerbi.com']));
  });
});

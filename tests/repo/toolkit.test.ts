import { overlay, readRepoFile, replaceOnce } from './support/files';
import { actionOutputs, checkShape, checkVariables, parseProjectFile, type Action } from './support/toolkit';

const ENVIRONMENTS = [{ yml: 'teamsapp.yml', env: 'dev' }] as const;

function actionsOf(yml: string): Action[] {
  const project = parseProjectFile(readRepoFile(yml));
  return [...(project.provision ?? []), ...(project.deploy ?? []), ...(project.publish ?? [])];
}

describe.each(ENVIRONMENTS)('$yml (env $env)', ({ yml, env }) => {
  it('uses known Toolkit actions with valid inputs and outputs (schema v1.8)', () => {
    expect(checkShape(readRepoFile, yml)).toEqual([]);
  });

  it('defines every ${{VAR}} before use (actions, manifests, ARM parameters, env file)', () => {
    expect(checkVariables(readRepoFile, yml, env)).toEqual([]);
  });

  it('registers the Teams app, the SSO Entra app and the bot, then updates Entra and the Teams app', () => {
    const provision = parseProjectFile(readRepoFile(yml)).provision?.map((a) => a.uses) ?? [];
    expect(provision).toEqual(
      expect.arrayContaining(['teamsApp/create', 'aadApp/create', 'botAadApp/create', 'aadApp/update', 'teamsApp/update']),
    );
    expect(provision.indexOf('aadApp/update')).toBeLessThan(provision.indexOf('teamsApp/zipAppPackage'));
    expect(provision.slice(-4)).toEqual([
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
  });

  it('keeps secrets in SECRET_ variables (stored in the gitignored .env.<env>.user)', () => {
    const aadCreate = actionsOf(yml).find((a) => a.uses === 'aadApp/create');
    const botCreate = actionsOf(yml).find((a) => a.uses === 'botAadApp/create');
    expect(aadCreate?.writeToEnvironmentFile).toMatchObject({
      clientSecret: 'SECRET_AAD_APP_CLIENT_SECRET',
      clientId: 'AAD_APP_CLIENT_ID',
    });
    expect(botCreate?.writeToEnvironmentFile).toMatchObject({ botId: 'BOT_ID', botPassword: 'SECRET_BOT_PASSWORD' });
    expect(readRepoFile(`env/.env.${env}`)).not.toMatch(/^SECRET_/m);
  });
});

describe('teamsapp.yml cloud lifecycle', () => {
  it('provisions infra/azure.bicep and turns its outputs into env variables', () => {
    const arm = actionsOf('teamsapp.yml').find((a) => a.uses === 'arm/deploy') as Action;
    expect(arm.with?.templates).toEqual([
      expect.objectContaining({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' }),
    ]);
    expect(actionOutputs(arm, readRepoFile)).toEqual(
      expect.arrayContaining([
        'TAB_ENDPOINT',
        'TAB_DOMAIN',
        'API_FUNCTION_ENDPOINT',
        'API_FUNCTION_RESOURCE_ID',
        'BOT_FUNCTION_RESOURCE_ID',
        'BOT_DOMAIN',
      ]),
    );
  });

  it('grants (or explains) admin consent to the Power BI delegated scopes once the Entra app is updated', () => {
    const provision = parseProjectFile(readRepoFile('teamsapp.yml')).provision ?? [];
    const update = provision.findIndex((a) => a.uses === 'aadApp/update');
    const consent = provision.findIndex((a) => a.uses === 'script' && /admin-consent\.js/.test(String(a.with?.run)));
    expect(update).toBeGreaterThanOrEqual(0);
    expect(consent).toBeGreaterThan(update);
    const { adminConsentUrl } = require('../../infra/scripts/admin-consent.js') as { adminConsentUrl(t: string, c: string): string };
    expect(adminConsentUrl('tenant-a', 'client-b')).toBe('https://login.microsoftonline.com/tenant-a/adminconsent?client_id=client-b');
  });

  it('deploys the tab to storage and both Function Apps through OneDeploy (Flex Consumption has no zipdeploy)', () => {
    const deploy = parseProjectFile(readRepoFile('teamsapp.yml')).deploy ?? [];
    expect(deploy.filter((a) => a.uses === 'azureStorage/deploy').map((a) => a.with?.resourceId)).toEqual([
      '${{TAB_AZURE_STORAGE_RESOURCE_ID}}',
    ]);
    expect(deploy.some((a) => a.uses === 'azureFunctions/zipDeploy')).toBe(false);
    const runs = deploy.filter((a) => a.uses === 'script').map((a) => String(a.with?.run));
    const stage = runs.findIndex((run) => /stage-function\.js api bot/.test(run));
    const publishes = runs.flatMap((run, index) => (/deploy-function\.js/.test(run) ? [{ run, index }] : []));
    expect(publishes.map((p) => p.run)).toEqual([
      'node ./infra/scripts/deploy-function.js api ${{AZURE_RESOURCE_GROUP_NAME}} ${{API_FUNCTION_NAME}} ${{AZURE_SUBSCRIPTION_ID}}',
      'node ./infra/scripts/deploy-function.js bot ${{AZURE_RESOURCE_GROUP_NAME}} ${{BOT_FUNCTION_NAME}} ${{AZURE_SUBSCRIPTION_ID}}',
    ]);
    expect(stage).toBeGreaterThanOrEqual(0);
    expect(publishes.every((p) => p.index > stage)).toBe(true);
  });
});

describe('local debugging', () => {
  // teamsapp.local.yml ran the real Teams client against the emulated backend, which could not work
  // (plain-HTTP tab, the local issuer instead of Entra, an anonymous bot). Locally the stack is
  // tested with the emulators; in real Teams, an environment deployed by teamsapp.yml.
  it('has no half-working Teams debug project file', () => {
    expect(() => readRepoFile('teamsapp.local.yml')).toThrow();
    expect(() => readRepoFile('env/.env.local')).toThrow();
  });
});

describe('the variable checker catches mistakes (run on tampered copies)', () => {
  it('reports a variable that nothing defines', () => {
    const read = overlay(readRepoFile, {
      'teamsapp.yml': (t) => replaceOnce(t, '${{API_FUNCTION_NAME}}', '${{API_FUNCTON_NAME}}'),
    });
    expect(checkVariables(read, 'teamsapp.yml', 'dev')).toEqual([expect.stringContaining('${{API_FUNCTON_NAME}}')]);
  });

  it('reports a variable used in a manifest that is not defined', () => {
    const read = overlay(readRepoFile, {
      'appPackage/manifest.json': (t) => replaceOnce(t, '"id": "${{TEAMS_APP_ID}}"', '"id": "${{TEAMS_APPID}}"'),
    });
    const problems = checkVariables(read, 'teamsapp.yml', 'dev');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.includes('${{TEAMS_APPID}} (in appPackage/manifest.json)'))).toBe(true);
  });

  it('reports a variable used before the action that writes it', () => {
    const read = overlay(readRepoFile, {
      'teamsapp.yml': (t) => replaceOnce(t, 'name: Planboard-bot${{APP_NAME_SUFFIX}}', 'name: Planboard-bot-${{TAB_DOMAIN}}'),
    });
    expect(checkVariables(read, 'teamsapp.yml', 'dev')).toEqual([
      expect.stringMatching(/provision\[3\] botAadApp\/create: \$\{\{TAB_DOMAIN\}\}/),
    ]);
  });

  it('reports a Bicep output that disappeared while the manifest still needs it', () => {
    const read = overlay(readRepoFile, { 'infra/azure.bicep': (t) => replaceOnce(t, /^output TAB_DOMAIN .*$/m, '') });
    const problems = checkVariables(read, 'teamsapp.yml', 'dev');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.includes('${{TAB_DOMAIN}}'))).toBe(true);
  });

  it('reports an env input left empty that a template (here the ARM parameters) would get literally', () => {
    const read = overlay(readRepoFile, { 'env/.env.dev': (t) => replaceOnce(t, /^POWERBI_API_URL=.*$/m, 'POWERBI_API_URL=') });
    expect(checkVariables(read, 'teamsapp.yml', 'dev')).toEqual([
      expect.stringContaining('${{POWERBI_API_URL}} (in infra/azure.parameters.json) is empty'),
    ]);
  });

  it('accepts the empty Power BI ids only because provision checks them first (require-env.js)', () => {
    const read = overlay(readRepoFile, {
      'teamsapp.yml': (t) => replaceOnce(t, 'node ./infra/scripts/require-env.js', 'node ./infra/scripts/other.js'),
    });
    const problems = checkVariables(read, 'teamsapp.yml', 'dev');
    expect(problems).toHaveLength(10);
    expect(problems[0]).toContain('${{BUDGET_WORKSPACE_ID}} (in infra/azure.parameters.json) is empty');
  });

  it('require-env.js names each missing or malformed id', () => {
    const { problems } = require('../../infra/scripts/require-env.js') as { problems: (names: string[], env: object) => string[] };
    const env = { A: '', B: 'not-a-guid', C: '2a3c1d0e-5b6f-4a7b-8c9d-0e1f2a3b4c5d' };
    expect(problems(['A', 'B', 'C', 'D'], env)).toEqual(['A is empty', 'B is not a GUID ("not-a-guid")', 'D is empty']);
  });

  it('reports unknown actions, misspelt inputs and outputs', () => {
    const read = overlay(readRepoFile, {
      'teamsapp.yml': (t) =>
        [
          ['uses: teamsApp/publishAppPackage', 'uses: teamsApp/publishPackage'],
          ['generateClientSecret: true', 'generateSecret: true'],
          ['teamsAppId: TEAMS_APP_ID', 'appId: TEAMS_APP_ID'],
        ].reduce((text, [from, to]) => replaceOnce(text, from as string, to as string), t),
    });
    const problems = checkShape(read, 'teamsapp.yml');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('teamsApp/publishPackage: unknown action'),
        expect.stringContaining('aadApp/create: unknown input "generateSecret"'),
        expect.stringContaining('aadApp/create: missing input "generateClientSecret"'),
        expect.stringContaining('unknown output "appId"'),
      ]),
    );
  });
});

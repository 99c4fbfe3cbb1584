import { armOutputEnvName, checkModules, checkParametersFile, parseModules, parseOutputs, parseParams } from './support/bicep';
import { overlay, readRepoFile, replaceOnce } from './support/files';
import { refreshTableNames } from '../../server/src/refresh/tables';
import { tableNames } from '../../server/src/storage/tables';
import { botTableNames } from '../../bot/src/store/tables';
import { operationsTableNames } from '../../api/src/operations/tables';
import { storeTableNames } from '../../server/src/stores/tables';
import { pipelineTableNames } from '../../api/src/stores/pipeline/run-store';

const MAIN = 'infra/azure.bicep';
const PARAMETERS = 'infra/azure.parameters.json';
const main = readRepoFile(MAIN);

describe('infra/azure.bicep', () => {
  it('gets every parameter without a default from azure.parameters.json, and nothing else', () => {
    expect(checkParametersFile(main, readRepoFile(PARAMETERS))).toEqual([]);
  });

  it('passes every module its required params, only declared ones, and reads only declared outputs', () => {
    expect(checkModules(readRepoFile, MAIN)).toEqual([]);
    expect(
      parseModules(main)
        .map((m) => m.path)
        .sort(),
    ).toEqual(
      [
        'modules/bot.bicep',
        'modules/functionapp.bicep',
        'modules/functionapp.bicep',
        'modules/keyvault.bicep',
        'modules/monitoring.bicep',
        'modules/roles.bicep',
        'modules/storage.bicep',
      ].sort(),
    );
  });

  it('names outputs in UPPER_SNAKE_CASE so Toolkit writes them to env under the same name', () => {
    const outputs = parseOutputs(main);
    for (const name of outputs) expect(armOutputEnvName(name)).toBe(name);
    expect(outputs).toEqual(
      expect.arrayContaining([
        'TAB_ENDPOINT',
        'TAB_DOMAIN',
        'TAB_AZURE_STORAGE_RESOURCE_ID',
        'API_FUNCTION_ENDPOINT',
        'API_FUNCTION_RESOURCE_ID',
        'BOT_FUNCTION_RESOURCE_ID',
        'BOT_DOMAIN',
        'STORAGE_RESOURCE_ID',
      ]),
    );
  });

  it('takes secrets only through @secure() parameters and never outputs them', () => {
    const secure = parseParams(main)
      .filter((p) => p.secure)
      .map((p) => p.name);
    expect(secure.sort()).toEqual(['aadAppClientSecret', 'botAadAppClientSecret']);
    expect(main).not.toMatch(/^output \w*(SECRET|PASSWORD|ACCOUNT_KEY|CONNECTION_STRING)\w* /m);
    expect(main).not.toMatch(/listKeys|connectionString\s+string/);
  });

  it('keeps each file under ~300 lines', () => {
    const files = [MAIN, ...parseModules(main).map((m) => `infra/${m.path}`)];
    for (const file of files) expect(readRepoFile(file).split('\n').length).toBeLessThan(300);
  });
});

describe('infra modules', () => {
  const storage = readRepoFile('infra/modules/storage.bicep');

  it('create exactly the tables the code uses, and the notification queue with its poison queue', () => {
    expect(storage).toMatch(/tableServices\/tables@/);
    const list = /param tableNames array = \[([^\]]*)\]/.exec(storage)?.[1] ?? '';
    const declared = [...list.matchAll(/'([a-z0-9]+)'/g)].map((match) => match[1]).sort();
    const used = [
      ...Object.values(tableNames),
      ...Object.values(refreshTableNames),
      ...Object.values(botTableNames),
      ...Object.values(operationsTableNames),
      ...Object.values(storeTableNames),
      ...Object.values(pipelineTableNames),
    ].sort();
    expect(declared).toEqual(used);
    expect(main).toMatch(/'\$\{notificationsQueue\}-poison'/);
  });

  it('give the API every Power BI item id its config would otherwise take from the local emulator', () => {
    const ids = [
      'BUDGET_WORKSPACE_ID',
      'BUDGET_DATASET_ID',
      'KPI_PUSH_WORKSPACE_ID',
      'KPI_PUSH_DATASET_ID',
      'REPORT_BUDGET_WORKSPACE_ID',
      'REPORT_BUDGET_ID',
    ];
    const reports = ['REPORT_STORES_WORKSPACE_ID', 'REPORT_STORES_ID', 'REPORT_KPI_WORKSPACE_ID', 'REPORT_KPI_ID'];
    const apiSettings = main.slice(
      main.indexOf("module api 'modules/functionapp.bicep'"),
      main.indexOf("module botApp 'modules/functionapp.bicep'"),
    );
    for (const key of [...ids, ...reports]) {
      expect(apiSettings).toMatch(new RegExp(`\\b${key}: \\w+`));
      expect(readRepoFile('env/.env.dev')).toMatch(new RegExp(`^${key}=`, 'm'));
    }
  });

  it('run both Function Apps on Flex Consumption, Node 22, each on its own plan, deployed from a blob container', () => {
    const functionApp = readRepoFile('infra/modules/functionapp.bicep');
    expect(functionApp).toMatch(/tier: 'FlexConsumption'\s+name: 'FC1'/);
    expect(functionApp).toMatch(/runtime: \{\s+name: 'node'\s+version: '22'/);
    expect(functionApp).toMatch(/type: 'blobContainer'[\s\S]*type: 'UserAssignedIdentity'/);
    expect(functionApp).not.toMatch(/linuxFxVersion|Dynamic|'Y1'/);
    // Flex Consumption refuses these as app settings (runtime and version live in functionAppConfig).
    for (const setting of [
      'FUNCTIONS_WORKER_RUNTIME',
      'FUNCTIONS_EXTENSION_VERSION',
      'WEBSITE_RUN_FROM_PACKAGE',
      'WEBSITE_NODE_DEFAULT_VERSION',
    ]) {
      expect(`${functionApp}\n${main}`).not.toMatch(new RegExp(`\\b${setting}:`));
    }
    expect(main).not.toMatch(/Microsoft\.Web\/serverfarms/);
    expect(main).toContain('APPLICATIONINSIGHTS_CONNECTION_STRING');
  });

  it('reach storage with the managed identity only: no key, no connection string, shared key access off', () => {
    const storageModule = readRepoFile('infra/modules/storage.bicep');
    expect(main).toContain('AzureWebJobsStorage__accountName: storage.outputs.dataAccountName');
    expect(main).toContain("AzureWebJobsStorage__credential: 'managedidentity'");
    expect(main).toContain('AzureWebJobsStorage__clientId: identity.properties.clientId');
    expect(main).not.toMatch(/AzureWebJobsStorage: |STORAGE_CONNECTION_STRING|connectionStringVaultEntry/);
    expect(storageModule).not.toMatch(/listKeys|AccountKey/);
    expect(storageModule).toMatch(/allowSharedKeyAccess: false/);
    expect(main).toMatch(/MicrosoftAppPassword: '@Microsoft\.KeyVault\(/);
  });

  it('set no app setting that nothing reads', () => {
    for (const unread of [
      'STORAGE_ACCOUNT_NAME',
      'STORAGE_TABLE_ENDPOINT',
      'STORAGE_QUEUE_ENDPOINT',
      'NOTIFICATIONS_QUEUE',
      'BOT_ID',
      'BOT_PASSWORD',
      'API_FUNCTION_ENDPOINT',
      'AAD_APP_CLIENT_SECRET',
    ]) {
      expect(main).not.toMatch(new RegExp(`^\\s+${unread}: `, 'm'));
    }
  });

  it('register a single-tenant Azure Bot with the Teams channel', () => {
    const bot = readRepoFile('infra/modules/bot.bicep');
    expect(bot).toContain("msaAppType: 'SingleTenant'");
    expect(bot).toContain("channelName: 'MsTeamsChannel'");
  });

  it('grant the identity table, queue and Key Vault secret roles', () => {
    const roles = readRepoFile('infra/modules/roles.bicep');
    for (const id of [
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
      '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
      '4633458b-17de-408a-b874-0445c86b69e6',
    ]) {
      expect(roles).toContain(id);
    }
  });
});

describe('the Bicep checks catch mistakes (run on tampered copies)', () => {
  const parameters = readRepoFile(PARAMETERS);

  it('a required parameter missing from azure.parameters.json', () => {
    const json = JSON.parse(parameters) as { parameters: Record<string, unknown> };
    delete json.parameters.teamsAppId;
    expect(checkParametersFile(main, JSON.stringify(json))).toEqual([
      expect.stringContaining('required parameter "teamsAppId" is not supplied'),
    ]);
  });

  it('a supplied parameter the template does not declare', () => {
    const json = JSON.parse(parameters) as { parameters: Record<string, unknown> };
    json.parameters.powerBiTenant = { value: '${{POWERBI_TENANT_ID}}' };
    expect(checkParametersFile(main, JSON.stringify(json))).toEqual([expect.stringContaining('"powerBiTenant" is not a parameter')]);
  });

  it('a secret passed to a parameter that is not @secure()', () => {
    const tampered = replaceOnce(
      main,
      "@secure()\n@description('Client secret of the bot Entra app",
      "@description('Client secret of the bot Entra app",
    );
    expect(checkParametersFile(tampered, parameters)).toEqual([
      expect.stringContaining('"botAadAppClientSecret" receives a secret but is not @secure()'),
    ]);
  });

  it('a module call missing a required param, passing an unknown one, or reading an unknown output', () => {
    const read = overlay(readRepoFile, {
      [MAIN]: (t) =>
        [
          ['    displayName: botDisplayName\n', '    title: botDisplayName\n'],
          ['string = storage.outputs.webDomain\n', 'string = storage.outputs.webHost\n'],
          ['    principalId: identity.properties.principalId\n', ''],
        ].reduce((text, [from, to]) => replaceOnce(text, from as string, to as string), t),
    });
    const problems = checkModules(read, MAIN);
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('module bot does not pass required param "displayName"'),
        expect.stringContaining('module bot passes "title"'),
        expect.stringContaining('module roles does not pass required param "principalId"'),
        expect.stringContaining('"storage.outputs.webHost" is not an output of module storage'),
      ]),
    );
  });
});

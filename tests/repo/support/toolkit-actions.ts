/**
 * The Teams Toolkit actions this repository uses, with the `with` inputs and `writeToEnvironmentFile`
 * outputs the v1.8 project-file schema allows (https://aka.ms/teams-toolkit/v1.8/yaml.schema.json),
 * plus the outputs some actions write without being asked (see https://aka.ms/teamsfx-actions).
 */
export interface ActionSpec {
  required: readonly string[];
  optional?: readonly string[];
  /** Keys allowed in writeToEnvironmentFile. */
  writes?: readonly string[];
  /** Variables the action writes on its own. */
  implicitOutputs?: readonly string[];
  /** `with` inputs naming files whose ${{VAR}} placeholders Toolkit expands. */
  templateInputs?: readonly string[];
}

export const ACTION_SPECS: Readonly<Record<string, ActionSpec>> = {
  'teamsApp/create': { required: ['name'], writes: ['teamsAppId'], implicitOutputs: ['TEAMS_APP_TENANT_ID'] },
  'aadApp/create': {
    required: ['name', 'generateClientSecret', 'signInAudience'],
    optional: ['serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription'],
    writes: ['clientId', 'objectId', 'clientSecret', 'tenantId', 'authority', 'authorityHost'],
  },
  'aadApp/update': {
    required: ['manifestPath', 'outputFilePath'],
    implicitOutputs: ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
    templateInputs: ['manifestPath'],
  },
  'botAadApp/create': { required: ['name'], writes: ['botId', 'botPassword'] },
  'botFramework/create': { required: ['botId', 'name', 'messagingEndpoint'], optional: ['description', 'iconUrl', 'channels'] },
  'arm/deploy': { required: ['subscriptionId', 'resourceGroupName', 'templates'], optional: ['bicepCliVersion'] },
  'azureStorage/enableStaticWebsite': { required: ['storageResourceId'], optional: ['indexPage', 'errorPage'] },
  'teamsApp/validateManifest': { required: ['manifestPath'], templateInputs: ['manifestPath'] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'], templateInputs: ['manifestPath'] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'] },
  'teamsApp/update': { required: ['appPackagePath'], implicitOutputs: ['TEAMS_APP_TENANT_ID', 'TEAMS_APP_UPDATE_TIME'] },
  'teamsApp/publishAppPackage': { required: ['appPackagePath'], writes: ['publishedAppId'] },
  'cli/runNpmCommand': { required: ['args'], optional: ['workingDirectory'] },
  'azureStorage/deploy': { required: ['artifactFolder', 'resourceId'], optional: ['workingDirectory', 'ignoreFile'] },
  'azureFunctions/zipDeploy': {
    required: ['artifactFolder', 'resourceId'],
    optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
  },
  script: { required: ['run'], optional: ['workingDirectory', 'shell', 'timeout', 'redirectTo'] },
  'file/createOrUpdateEnvironmentFile': { required: ['target', 'envs'] },
  'devTool/install': {
    required: [],
    optional: ['devCert', 'func', 'dotnet', 'testTool'],
    writes: ['sslCertFile', 'sslKeyFile', 'funcPath', 'dotnetPath', 'testToolPath'],
  },
};

/** Keys an action entry may have. */
export const ACTION_KEYS = ['uses', 'name', 'with', 'env', 'writeToEnvironmentFile'] as const;

/**
 * Variables Toolkit provides without any action or env-file entry: the environment name, and the
 * values `provision` settles before running actions (it asks for the subscription and resource
 * group when empty and generates RESOURCE_SUFFIX).
 */
export const BUILT_INS: ReadonlySet<string> = new Set(['TEAMSFX_ENV']);
export const SETTLED_BY_PROVISION: ReadonlySet<string> = new Set(['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX']);

// Planboard: Azure resources, deployed by Teams Toolkit's `arm/deploy` action (teamsapp.yml).
// Every `output` below is written by Toolkit to env/.env.<env> under the same (UPPER_SNAKE_CASE) name.
//
// Static website hosting of the tab cannot be switched on from Bicep (it is a data-plane setting of
// the Blob service); teamsapp.yml enables it right after this deployment with the
// `azureStorage/enableStaticWebsite` action, and `azureStorage/deploy` uploads the tab to `$web`.

targetScope = 'resourceGroup'

@minLength(4)
@maxLength(18)
@description('Base of all resource names, e.g. "planboard" + RESOURCE_SUFFIX. Lower-case letters and digits.')
param resourceBaseName string

@description('Teams Toolkit environment name (TEAMSFX_ENV), used as a tag.')
param environmentName string

param location string = resourceGroup().location

@description('Client id of the Entra app used for tab SSO and the API audience; also the Power BI service principal.')
param aadAppClientId string

@description('Tenant of that Entra app (the Microsoft 365 tenant).')
param aadAppTenantId string

@description('Authority host, e.g. login.microsoftonline.com.')
param aadAppOauthAuthorityHost string

@secure()
@description('Client secret of the Entra app (stored in Key Vault).')
param aadAppClientSecret string

@description('Client id of the bot Entra app (BOT_ID).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot Entra app (stored in Key Vault).')
param botAadAppClientSecret string

@description('Display name of the Azure Bot.')
param botDisplayName string

@description('Teams app id, for deep links in cards.')
param teamsAppId string

@description('Base URL of the Power BI REST API.')
param powerBiApiUrl string = 'https://api.powerbi.com/v1.0/myorg'

@description('Power BI items the API works with (workspace and item ids, GUIDs): the budget semantic model, the KPI push dataset and the embedded reports.')
param budgetWorkspaceId string
param budgetDatasetId string
param kpiPushWorkspaceId string
param kpiPushDatasetId string
param reportBudgetWorkspaceId string
param reportBudgetId string
param reportStoresWorkspaceId string
param reportStoresId string
param reportKpiWorkspaceId string
param reportKpiId string

@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

param storageSku string = 'Standard_LRS'

var base = toLower(resourceBaseName)
var tags = {
  application: 'planboard'
  environment: environmentName
}
var keyVaultName = take('kv-${base}', 24)
var notificationsQueue = 'notifications'
var deploymentContainers = {
  api: 'deploy-api'
  bot: 'deploy-bot'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'planboard-monitoring'
  params: {
    baseName: base
    location: location
    tags: tags
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${base}'
  location: location
  tags: tags
}

module vault 'modules/keyvault.bicep' = {
  name: 'planboard-keyvault'
  params: {
    name: keyVaultName
    location: location
    tags: tags
    secrets: {
      'aad-app-client-secret': aadAppClientSecret
      'bot-password': botAadAppClientSecret
    }
  }
}

module storage 'modules/storage.bicep' = {
  name: 'planboard-storage'
  params: {
    baseName: base
    location: location
    tags: tags
    sku: storageSku
    deploymentContainers: [
      deploymentContainers.api
      deploymentContainers.bot
    ]
    queueNames: [
      notificationsQueue
      '${notificationsQueue}-poison'
      'ops-fetch'
      'ops-fetch-poison'
      'store-runs'
      'store-runs-poison'
    ]
  }
}

module roles 'modules/roles.bicep' = {
  name: 'planboard-roles'
  params: {
    principalId: identity.properties.principalId
    dataStorageAccountName: storage.outputs.dataAccountName
    keyVaultName: vault.outputs.name
  }
}

var kvRef = 'VaultName=${vault.outputs.name}'
// Storage through the managed identity (identity-based connection): the Functions host, the queue
// trigger (connection 'AzureWebJobsStorage') and the code's table/queue clients all read these.
var sharedSettings = {
  AzureWebJobsStorage__accountName: storage.outputs.dataAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  AAD_APP_TENANT_ID: aadAppTenantId
  POWERBI_API_URL: powerBiApiUrl
  POWERBI_TENANT_ID: aadAppTenantId
  POWERBI_AUTHORITY: '${aadAppOauthAuthorityHost}/${aadAppTenantId}'
  POWERBI_CLIENT_ID: aadAppClientId
  POWERBI_CLIENT_SECRET: '@Microsoft.KeyVault(${kvRef};SecretName=aad-app-client-secret)'
  TAB_ENDPOINT: storage.outputs.webEndpoint
  TEAMS_APP_ID: teamsAppId
}

module api 'modules/functionapp.bicep' = {
  name: 'planboard-func-api'
  dependsOn: [
    roles
  ]
  params: {
    name: 'func-${base}-api'
    location: location
    tags: tags
    identityId: identity.id
    identityClientId: identity.properties.clientId
    deploymentBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainer: deploymentContainers.api
    corsAllowedOrigins: [
      storage.outputs.webEndpoint
    ]
    appSettings: union(sharedSettings, {
      // The API's config (api/src/config.ts) reads these; `{tid}` is expanded per allowed tenant.
      AUTH_TENANT_IDS: aadAppTenantId
      AUTH_CLIENT_ID: aadAppClientId
      AUTH_AUDIENCES: '${aadAppClientId},api://${storage.outputs.webDomain}/${aadAppClientId}'
      AUTH_ISSUERS: '${aadAppOauthAuthorityHost}/{tid}/v2.0,https://sts.windows.net/{tid}/'
      AUTH_JWKS_URIS: '${aadAppOauthAuthorityHost}/common/discovery/v2.0/keys'
      AUTH_PUBLIC_AUTHORITY: '${aadAppOauthAuthorityHost}/${aadAppTenantId}'
      AUTH_TAB_CLIENT_ID: aadAppClientId
      AUTH_TAB_DOMAIN: storage.outputs.webDomain
      POWERBI_OBO_CLIENT_ID: aadAppClientId
      POWERBI_OBO_CLIENT_SECRET: '@Microsoft.KeyVault(${kvRef};SecretName=aad-app-client-secret)'
      BUDGET_WORKSPACE_ID: budgetWorkspaceId
      BUDGET_DATASET_ID: budgetDatasetId
      KPI_PUSH_WORKSPACE_ID: kpiPushWorkspaceId
      KPI_PUSH_DATASET_ID: kpiPushDatasetId
      REPORT_BUDGET_WORKSPACE_ID: reportBudgetWorkspaceId
      REPORT_BUDGET_ID: reportBudgetId
      REPORT_STORES_WORKSPACE_ID: reportStoresWorkspaceId
      REPORT_STORES_ID: reportStoresId
      REPORT_KPI_WORKSPACE_ID: reportKpiWorkspaceId
      REPORT_KPI_ID: reportKpiId
    })
  }
}

module botApp 'modules/functionapp.bicep' = {
  name: 'planboard-func-bot'
  dependsOn: [
    roles
  ]
  params: {
    name: 'func-${base}-bot'
    location: location
    tags: tags
    identityId: identity.id
    identityClientId: identity.properties.clientId
    deploymentBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainer: deploymentContainers.bot
    corsAllowedOrigins: []
    appSettings: union(sharedSettings, {
      MicrosoftAppId: botAadAppClientId
      MicrosoftAppPassword: '@Microsoft.KeyVault(${kvRef};SecretName=bot-password)'
      MicrosoftAppTenantId: aadAppTenantId
      MicrosoftAppType: 'SingleTenant'
    })
  }
}

module bot 'modules/bot.bicep' = {
  name: 'planboard-bot'
  params: {
    name: 'bot-${base}'
    displayName: botDisplayName
    tags: tags
    sku: botServiceSku
    botAppId: botAadAppClientId
    botTenantId: aadAppTenantId
    messagingEndpoint: '${botApp.outputs.endpoint}/api/messages'
  }
}

output TAB_ENDPOINT string = storage.outputs.webEndpoint
output TAB_DOMAIN string = storage.outputs.webDomain
output TAB_AZURE_STORAGE_RESOURCE_ID string = storage.outputs.webAccountId
output STORAGE_RESOURCE_ID string = storage.outputs.dataAccountId
output STORAGE_ACCOUNT_NAME string = storage.outputs.dataAccountName
output API_FUNCTION_ENDPOINT string = api.outputs.endpoint
output API_FUNCTION_RESOURCE_ID string = api.outputs.id
output API_FUNCTION_NAME string = api.outputs.name
output BOT_FUNCTION_ENDPOINT string = botApp.outputs.endpoint
output BOT_FUNCTION_RESOURCE_ID string = botApp.outputs.id
output BOT_FUNCTION_NAME string = botApp.outputs.name
output BOT_DOMAIN string = botApp.outputs.domain
output BOT_SERVICE_NAME string = bot.outputs.name
output KEY_VAULT_NAME string = vault.outputs.name
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId

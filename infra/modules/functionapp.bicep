// One Node 20 Function App on the shared Linux Consumption plan, running as the user-assigned
// managed identity (also used to resolve Key Vault references in app settings).
//
// Linux Consumption rather than Flex Consumption: Toolkit's `azureFunctions/zipDeploy` posts to
// Kudu's /api/zipdeploy, which Flex Consumption does not offer. WEBSITE_RUN_FROM_PACKAGE is left
// to the platform (Linux Consumption does not accept the value "1").

param name string
param location string
param tags object
param planId string
param identityId string

@description('Origins allowed to call this app from a browser (the tab).')
param corsAllowedOrigins array

@description('App settings (name -> value) added to the runtime settings below.')
param appSettings object

var runtimeSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'node'
  RUNNING_ON_AZURE: '1'
  SCM_ZIPDEPLOY_DONOT_PRESERVE_FILETIME: '1'
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: planId
    reserved: true
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'Node|20'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: union(runtimeSettings, appSettings)
}

output id string = site.id
output name string = site.name
output domain string = site.properties.defaultHostName
output endpoint string = 'https://${site.properties.defaultHostName}'

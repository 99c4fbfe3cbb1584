// One Function App on its own Flex Consumption plan (Flex allows one app per plan), Node 22,
// running as the user-assigned managed identity.
//
// Why Flex Consumption: Linux Consumption gets no new language versions, retires in 2028 and has no
// zip deploy. On Flex the platform runs the app from the package it keeps in `deploymentContainer`
// (so WEBSITE_RUN_FROM_PACKAGE, FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are not
// app settings there: runtime and version live in functionAppConfig). The package is published with
// OneDeploy (`/api/publish`, what `az functionapp deployment source config-zip` uses for Flex):
// infra/scripts/deploy-function.js, called from teamsapp.yml.

param name string
param location string
param tags object
param identityId string

@description('Client id of that identity: the host and the code pick it with AzureWebJobsStorage__clientId / AZURE_CLIENT_ID.')
param identityClientId string

@description('Blob endpoint of the storage account holding the deployment package, e.g. https://<account>.blob.core.windows.net/.')
param deploymentBlobEndpoint string

@description('Blob container that holds this app\'s deployment package.')
param deploymentContainer string

@description('Origins allowed to call this app from a browser (the tab).')
param corsAllowedOrigins array

@description('App settings (name -> value) added to the runtime settings below.')
param appSettings object

@description('Most instances Flex may scale this app out to.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var runtimeSettings = {
  RUNNING_ON_AZURE: '1'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
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
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${deploymentBlobEndpoint}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
    siteConfig: {
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

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(runtimeSettings, { AZURE_CLIENT_ID: identityClientId }, appSettings)
}

output id string = site.id
output name string = site.name
output domain string = site.properties.defaultHostName
output endpoint string = 'https://${site.properties.defaultHostName}'

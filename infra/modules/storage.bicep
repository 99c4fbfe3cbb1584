// Two storage accounts:
//  - data: Table Storage (app data), Queue Storage (API -> bot notifications + poison queue), the
//    Functions host storage and the Flex Consumption deployment packages (one blob container per app).
//    Reached only with Entra identities (the apps' managed identity, roles in roles.bicep): shared
//    key access is off, so no connection string or account key exists to leak.
//  - web:  hosts the tab as a static website ($web container). Static website hosting is a Blob
//    service data-plane setting that ARM/Bicep cannot switch on; teamsapp.yml enables it with
//    `azureStorage/enableStaticWebsite` right after provisioning.

param baseName string
param location string
param tags object
param sku string = 'Standard_LRS'

// Exactly the tables the code uses (server/src/storage/tables.ts, server/src/refresh/tables.ts,
// bot/src/store/tables.ts); tests/repo/bicep.test.ts keeps the lists in step.
param tableNames array = [
  'health'
  'users'
  'scopes'
  'grants'
  'budget'
  'kpis'
  'kpipoints'
  'refreshdatasets'
  'refreshwatch'
  'refreshfailures'
  'refreshhealth'
  'botconversations'
  'botsubscriptions'
  'botcards'
  'training'
  'trainingprogress'
  'opsworkspaces'
  'opscategories'
  'opsrefreshes'
  'opsfetchjobs'
  'opsrollups'
  'opsrefreshindex'
  'opscapacity'
  'storesales'
  'storemaster'
  'storeruns'
  'storepipeline'
]

param queueNames array = [
  'notifications'
  'notifications-poison'
  'ops-fetch'
  'ops-fetch-poison'
  'store-runs'
  'store-runs-poison'
]

@description('Blob containers for the Function Apps\' deployment packages (Flex Consumption).')
param deploymentContainers array = []

var commonProperties = {
  minimumTlsVersion: 'TLS1_2'
  supportsHttpsTrafficOnly: true
  allowBlobPublicAccess: false
  accessTier: 'Hot'
}

resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('st${baseName}data', 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: union(commonProperties, {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  })
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: data
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in deploymentContainers: {
  parent: blobService
  name: container
  properties: {
    publicAccess: 'None'
  }
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: data
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: table
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: data
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queueNames: {
  parent: queueService
  name: queue
}]

resource web 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('st${baseName}web', 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: commonProperties
}

// primaryEndpoints.web is "https://<account>.z<n>.web.core.windows.net/"
var webDomain = replace(replace(web.properties.primaryEndpoints.web, 'https://', ''), '/', '')

output dataAccountId string = data.id
output dataAccountName string = data.name
output tableEndpoint string = data.properties.primaryEndpoints.table
output queueEndpoint string = data.properties.primaryEndpoints.queue
output blobEndpoint string = data.properties.primaryEndpoints.blob
output webAccountId string = web.id
output webDomain string = webDomain
output webEndpoint string = 'https://${webDomain}'

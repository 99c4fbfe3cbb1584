// Two storage accounts:
//  - data: Table Storage (app data), Queue Storage (API -> bot notifications + poison queue) and the
//    Functions host storage. Its connection string goes to Key Vault, never to an output.
//  - web:  hosts the tab as a static website ($web container). Static website hosting is a Blob
//    service data-plane setting that ARM/Bicep cannot switch on; teamsapp.yml enables it with
//    `azureStorage/enableStaticWebsite` right after provisioning.

param baseName string
param location string
param tags object
param sku string = 'Standard_LRS'

@description('Key Vault that receives the data account connection string.')
param keyVaultName string

// Exactly the tables the code uses (api/src/storage/tables.ts, api/src/refresh/tables.ts,
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
  'botconversations'
  'botsubscriptions'
  'botcards'
]

param queueNames array = [
  'notifications'
  'notifications-poison'
]

var connectionStringVaultEntry = 'storage-connection-string'

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
  properties: commonProperties
}

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

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: connectionStringVaultEntry
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${data.name};AccountKey=${data.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

// primaryEndpoints.web is "https://<account>.z<n>.web.core.windows.net/"
var webDomain = replace(replace(web.properties.primaryEndpoints.web, 'https://', ''), '/', '')

output dataAccountId string = data.id
output dataAccountName string = data.name
output tableEndpoint string = data.properties.primaryEndpoints.table
output queueEndpoint string = data.properties.primaryEndpoints.queue
output connectionStringVaultEntry string = connectionString.name
output webAccountId string = web.id
output webDomain string = webDomain
output webEndpoint string = 'https://${webDomain}'

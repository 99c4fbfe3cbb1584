// Key Vault (Azure RBAC authorisation) holding the app secrets. The Function Apps read them through
// Key Vault references (`@Microsoft.KeyVault(VaultName=...;SecretName=...)`) with their managed identity.

param name string
param location string
param tags object

@secure()
@description('Secret name -> value. Empty values are skipped (e.g. a secret not generated yet).')
param secrets object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for item in items(secrets): if (!empty(item.value)) {
  parent: vault
  name: item.key
  properties: {
    value: item.value
  }
}]

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri

// Azure Bot registration (single tenant) with the Microsoft Teams channel, pointing at the bot
// Function App's /api/messages endpoint.

param name string
param displayName string
param tags object
param sku string = 'F0'

@description('Client id of the bot Entra app (BOT_ID).')
param botAppId string

@description('Tenant of the bot Entra app.')
param botTenantId string

param messagingEndpoint string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

output name string = bot.name

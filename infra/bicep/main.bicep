// The CMS in Azure: monitoring, a managed identity, media storage, SQL Server, the app and its role assignments, and
// optionally Front Door. Names come from the environment name and a suffix unique to the resource group; every resource is
// tagged; outputs carry names and URLs only, never a secret.
targetScope = 'resourceGroup'

@description('Environment name (dev, prod…): part of every resource name and tag.')
@minLength(2)
@maxLength(12)
param environmentName string

@description('Azure region of the resources (the resource group\'s by default).')
param location string = resourceGroup().location

@description('Display name of the Microsoft Entra group that administers SQL Server.')
param sqlAdminGroupName string

@description('Object id of that group.')
param sqlAdminGroupObjectId string

@description('Serverless (auto-pausing) or Provisioned database.')
@allowed([
  'Serverless'
  'Provisioned'
])
param databaseTier string = 'Serverless'

@description('App Service plan SKU.')
param appServiceSku string = 'B1'

@description('How many instances serve the app.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Put Azure Front Door in front of the app.')
param enableFrontDoor bool = false

@description('Origins allowed to call the API and upload media from browsers.')
param browserOrigins string[] = []

@description('Microsoft Entra tenant whose people and apps call the API with tokens; empty for API keys only.')
param entraTenantId string = ''

@description('The audience the API\'s tokens carry: its Application ID URI (api://cms-api) or client id. Required with a tenant.')
param apiAudience string = ''

@description('Client id of the studio\'s single-page app registration (redirect URI https://<host>/studio/); set, the studio is served with Entra ID sign-in. Needs a tenant.')
param studioClientId string = ''

@description('The API scopes the studio asks for, such as api://cms-api/Content.ReadWrite.')
param studioScopes string[] = []

@description('Days logs are kept.')
param logRetentionDays int = 30

var suffix = take(uniqueString(resourceGroup().id, environmentName), 6)
var namePrefix = 'cms-${environmentName}-${suffix}'
var identityName = '${namePrefix}-identity'
var appInsightsName = '${namePrefix}-insights'
var storageAccountName = toLower('cms${environmentName}${suffix}')
var tags = {
  application: 'headless-cms'
  environment: environmentName
  'azd-env-name': environmentName
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    appInsightsName: appInsightsName
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: identityName
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: storageAccountName
    tags: tags
    uploadOrigins: browserOrigins
    softDeleteDays: 14
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
    adminGroupName: sqlAdminGroupName
    adminGroupObjectId: sqlAdminGroupObjectId
    databaseTier: databaseTier
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  dependsOn: [
    identity
    monitoring
  ]
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
    skuName: appServiceSku
    instanceCount: instanceCount
    identityName: identityName
    appInsightsName: appInsightsName
    sqlServerFqdn: sql.outputs.serverFqdn
    databaseName: sql.outputs.databaseName
    blobEndpoint: storage.outputs.blobEndpoint
    mediaContainer: storage.outputs.containerName
    mediaPublicBaseUrl: ''
    corsOrigins: browserOrigins
    entraTenantId: entraTenantId
    apiAudience: apiAudience
    studioClientId: studioClientId
    studioScopes: studioScopes
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  dependsOn: [
    storage
  ]
  params: {
    storageAccountName: storageAccountName
    identityName: identityName
    principalId: identity.outputs.principalId
  }
}

module frontDoor 'modules/frontdoor.bicep' = if (enableFrontDoor) {
  name: 'frontdoor'
  params: {
    namePrefix: namePrefix
    tags: tags
    appHostName: app.outputs.hostName
  }
}

output appName string = app.outputs.name
output appUrl string = 'https://${app.outputs.hostName}'
output edgeUrl string = enableFrontDoor ? 'https://${frontDoor!.outputs.hostName}' : ''
output identityName string = identity.outputs.name
output identityClientId string = identity.outputs.clientId
output sqlServerName string = sql.outputs.serverName
output sqlServerFqdn string = sql.outputs.serverFqdn
output databaseName string = sql.outputs.databaseName
output storageAccountName string = storage.outputs.name
output logAnalyticsWorkspaceName string = monitoring.outputs.workspaceName

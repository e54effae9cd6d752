// The app: a Linux App Service plan (its instance count a parameter: nothing in the app assumes one instance) and a .NET 10
// web app running as the managed identity, HTTPS only, FTP and basic publishing credentials off, health-checked on
// /health/ready, with every setting the app reads in Azure. No setting holds a secret.

@description('Azure region of the resources.')
param location string

@description('Prefix of resource names.')
param namePrefix string

@description('Tags put on every resource.')
param tags { *: string }

@description('App Service plan SKU, such as B1, P0v3 or P1v3.')
param skuName string

@description('How many instances serve the app.')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Name of the user-assigned managed identity the app runs as.')
param identityName string

@description('Name of the Application Insights component telemetry goes to.')
param appInsightsName string

@description('Fully qualified name of the SQL server.')
param sqlServerFqdn string

@description('Name of the CMS database.')
param databaseName string

@description('Blob endpoint of the media storage account.')
param blobEndpoint string

@description('Name of the media container.')
param mediaContainer string

@description('Origin file URLs start with (the Front Door endpoint when there is one); empty for the app\'s own.')
param mediaPublicBaseUrl string

@description('Origins allowed to call the API from browsers.')
param corsOrigins string[]

@description('Microsoft Entra tenant of the API\'s tokens; empty for API keys only.')
param entraTenantId string

@description('Audience of the API\'s tokens.')
param apiAudience string

@description('Client id of the studio\'s app registration; empty leaves the studio off.')
param studioClientId string

@description('API scopes the studio asks for.')
param studioScopes string[]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: '${namePrefix}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var baseSettings = [
  { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  { name: 'Database__Provider', value: 'SqlServer' }
  {
    name: 'Database__ConnectionString'
    value: 'Server=tcp:${sqlServerFqdn},1433;Database=${databaseName};Authentication=Active Directory Managed Identity;User Id=${identity.properties.clientId};Encrypt=True;TrustServerCertificate=False;Connect Timeout=30'
  }
  { name: 'Database__MigrateOnStartup', value: 'false' }
  { name: 'Media__Store__Kind', value: 'AzureBlob' }
  { name: 'Media__Store__BlobAccountUri', value: blobEndpoint }
  { name: 'Media__Store__BlobContainer', value: mediaContainer }
  { name: 'Deployment__InstanceCount', value: string(instanceCount) }
]
var corsSettings = [for (origin, i) in corsOrigins: { name: 'Cors__AllowedOrigins__${i}', value: origin }]
var mediaSettings = empty(mediaPublicBaseUrl) ? [] : [{ name: 'Media__PublicBaseUrl', value: mediaPublicBaseUrl }]
// The sign-in endpoint of this cloud (public, US Government, China), not a hard-coded host.
var entraAuthority = '${environment().authentication.loginEndpoint}${entraTenantId}'
var jwtSettings = empty(entraTenantId) ? [] : [
  { name: 'Auth__Jwt__Authority', value: '${entraAuthority}/v2.0' }
  { name: 'Auth__Jwt__Audience', value: apiAudience }
]
// The studio signs editors in at the same tenant and uploads straight to the media account.
var studioSettings = empty(studioClientId) || empty(entraTenantId) ? [] : concat([
  { name: 'Studio__Enabled', value: 'true' }
  { name: 'Studio__SignIn__Authority', value: entraAuthority }
  { name: 'Studio__SignIn__ClientId', value: studioClientId }
  { name: 'Studio__MediaOrigins__0', value: blobEndpoint }
], map(range(0, length(studioScopes)), i => { name: 'Studio__SignIn__Scopes__${i}', value: studioScopes[i] }))

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: '${namePrefix}-app'
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/health/ready'
      appSettings: concat(baseSettings, corsSettings, mediaSettings, jwtSettings, studioSettings)
    }
  }
}

resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
output planName string = plan.name

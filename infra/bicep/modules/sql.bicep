// SQL Server: a logical server that accepts only Microsoft Entra authentication (its admin an Entra group), and the CMS
// database: serverless with auto-pause where cost matters (dev), provisioned where latency does (prod).

@description('Azure region of the resources.')
param location string

@description('Prefix of resource names.')
param namePrefix string

@description('Tags put on every resource.')
param tags { *: string }

@description('Display name of the Microsoft Entra group that administers the server.')
param adminGroupName string

@description('Object id of that group.')
param adminGroupObjectId string

@description('Serverless (auto-pausing, for dev) or Provisioned (for prod).')
@allowed([
  'Serverless'
  'Provisioned'
])
param databaseTier string

resource server 'Microsoft.Sql/servers@2025-01-01' = {
  name: '${namePrefix}-sql'
  location: location
  tags: tags
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: adminGroupName
      sid: adminGroupObjectId
      principalType: 'Group'
      tenantId: subscription().tenantId
    }
  }
}

// Lets Azure services (the App Service and the pipeline's agents) reach the server; each still needs an Entra identity.
resource allowAzure 'Microsoft.Sql/servers/firewallRules@2025-01-01' = {
  parent: server
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.Sql/servers/databases@2025-01-01' = {
  parent: server
  name: 'cms'
  location: location
  tags: tags
  sku: databaseTier == 'Serverless'
    ? {
        name: 'GP_S_Gen5_1'
        tier: 'GeneralPurpose'
        family: 'Gen5'
        capacity: 1
      }
    : {
        name: 'GP_Gen5_2'
        tier: 'GeneralPurpose'
        family: 'Gen5'
        capacity: 2
      }
  properties: databaseTier == 'Serverless'
    ? {
        autoPauseDelay: 60
        minCapacity: json('0.5')
        zoneRedundant: false
      }
    : {
        zoneRedundant: false
      }
}

output serverName string = server.name
output serverFqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name

// The app's user-assigned managed identity: how it reaches SQL Server and Blob Storage without any secret.

@description('Azure region of the resources.')
param location string

@description('Name of the identity.')
param name string

@description('Tags put on every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId

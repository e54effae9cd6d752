// The app's user-assigned managed identity: how it reaches SQL Server and Blob Storage without any secret.

@description('Azure region of the resources.')
param location string

@description('Name of the identity.')
param name string

@description('Tags put on every resource.')
param tags { *: string }

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId

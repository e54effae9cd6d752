// What the app's identity may do with the media account: read and write blobs (Storage Blob Data Contributor) and get user
// delegation keys for the direct-upload SAS (Storage Blob Delegator). Nothing else, and no account key anywhere.

@description('Name of the media storage account.')
param storageAccountName string

@description('Name of the app\'s managed identity (what the assignments are named after, so they are known before deployment).')
param identityName string

@description('Principal id of the app\'s managed identity.')
param principalId string

var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var blobDelegator = 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [blobDataContributor, blobDelegator]: {
    name: guid(account.id, identityName, role)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

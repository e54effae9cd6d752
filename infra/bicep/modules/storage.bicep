// Media storage: StorageV2 over HTTPS only (TLS 1.2), no shared keys and no anonymous access, soft delete and versioning
// on, and the media container. Browsers may PUT direct uploads from the allowed origins (through a SAS the app signs with
// a user delegation key).

@description('Azure region of the resources.')
param location string

@description('Storage account name: 3 to 24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param accountName string

@description('Tags put on every resource.')
param tags { *: string }

@description('Origins (such as https://editor.example.org) whose browsers may upload directly.')
param uploadOrigins string[]

@description('Days deleted blobs and containers can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteDays int

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    cors: {
      corsRules: empty(uploadOrigins) ? [] : [
        {
          allowedOrigins: uploadOrigins
          allowedMethods: [
            'PUT'
          ]
          allowedHeaders: [
            'content-type'
            'x-ms-blob-type'
          ]
          exposedHeaders: [
            'etag'
          ]
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource media 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobs
  name: 'media'
  properties: {
    publicAccess: 'None'
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output containerName string = media.name

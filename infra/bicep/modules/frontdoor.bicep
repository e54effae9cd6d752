// An optional Azure Front Door (Standard) in front of the app: caches what the app marks cacheable (GET queries with
// Cache-Control, immutable media files), keyed on the whole query string. Front Door caches a response that varies only by
// Accept-Encoding; media answers with Vary: Accept (format AUTO) are passed through uncached, so no browser gets a format
// it did not accept. Ask for a fixed format (url(format: WEBP)) where edge caching of renditions matters.

@description('Prefix of resource names.')
param namePrefix string

@description('Tags put on every resource.')
param tags { *: string }

@description('Host name of the app (its default *.azurewebsites.net name).')
param appHostName string

resource profile 'Microsoft.Cdn/profiles@2025-06-01' = {
  name: '${namePrefix}-fd'
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2025-06-01' = {
  parent: profile
  name: '${namePrefix}-edge'
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

resource origins 'Microsoft.Cdn/profiles/originGroups@2025-06-01' = {
  parent: profile
  name: 'app'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
    }
    healthProbeSettings: {
      probePath: '/health/live'
      probeRequestType: 'GET'
      probeProtocol: 'Https'
      probeIntervalInSeconds: 60
    }
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2025-06-01' = {
  parent: origins
  name: 'app-service'
  properties: {
    hostName: appHostName
    originHostHeader: appHostName
    httpsPort: 443
    priority: 1
    weight: 1000
    enforceCertificateNameCheck: true
  }
}

resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2025-06-01' = {
  parent: endpoint
  name: 'all'
  dependsOn: [
    origin
  ]
  properties: {
    originGroup: {
      id: origins.id
    }
    supportedProtocols: [
      'Https'
    ]
    patternsToMatch: [
      '/*'
    ]
    forwardingProtocol: 'HttpsOnly'
    httpsRedirect: 'Enabled'
    linkToDefaultDomain: 'Enabled'
    cacheConfiguration: {
      queryStringCachingBehavior: 'UseQueryString'
      compressionSettings: {
        isCompressionEnabled: true
        contentTypesToCompress: [
          'application/json'
          'application/graphql-response+json'
          'image/svg+xml'
        ]
      }
    }
  }
}

output hostName string = endpoint.properties.hostName
output profileName string = profile.name

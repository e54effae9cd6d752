// Logs and telemetry: a Log Analytics workspace and a workspace-based Application Insights component.

@description('Azure region of the resources.')
param location string

@description('Prefix of resource names, derived from the environment name and a unique suffix.')
param namePrefix string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Tags put on every resource.')
param tags { *: string }

@description('Days logs are kept.')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: false
  }
}

output appInsightsName string = appInsights.name
output workspaceName string = workspace.name

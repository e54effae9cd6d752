using 'main.bicep'

// Prod: two instances behind Front Door, a provisioned database.
param environmentName = 'prod'
param sqlAdminGroupName = readEnvironmentVariable('SQL_ADMIN_GROUP_NAME', 'cms-sql-admins')
param sqlAdminGroupObjectId = readEnvironmentVariable('SQL_ADMIN_GROUP_OBJECT_ID', '00000000-0000-0000-0000-000000000000')
param databaseTier = 'Provisioned'
param appServiceSku = 'P0v3'
param instanceCount = 2
param enableFrontDoor = true
param browserOrigins = []
param logRetentionDays = 90

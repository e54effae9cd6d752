using 'main.bicep'

// Dev: one small instance, a serverless database that pauses when idle, no Front Door.
param environmentName = 'dev'
param sqlAdminGroupName = readEnvironmentVariable('SQL_ADMIN_GROUP_NAME', 'cms-sql-admins')
param sqlAdminGroupObjectId = readEnvironmentVariable('SQL_ADMIN_GROUP_OBJECT_ID', '00000000-0000-0000-0000-000000000000')
param databaseTier = 'Serverless'
param appServiceSku = 'B1'
param instanceCount = 1
param enableFrontDoor = false
param browserOrigins = []

#!/usr/bin/env sh
# Prepares the CMS database after provisioning, idempotently, signed in as a member of the SQL admin group (az login):
# creates the database user of the app's managed identity (reading and writing; the schema is changed only by migrations,
# never by the app) and applies the EF Core migrations with a bundle, authenticating with an Entra access token from az.
# Reads SQL_SERVER_FQDN, DATABASE_NAME and IDENTITY_NAME (azd sets the Bicep outputs as upper-case variables:
# SQLSERVERFQDN, DATABASENAME, IDENTITYNAME) and MIGRATIONS_BUNDLE (a built efbundle; built here when absent).
set -eu
server="${SQL_SERVER_FQDN:-${SQLSERVERFQDN:?the SQL server name is required}}"
database="${DATABASE_NAME:-${DATABASENAME:?the database name is required}}"
identity="${IDENTITY_NAME:-${IDENTITYNAME:?the identity name is required}}"
root="$(cd "$(dirname "$0")/../.." && pwd)"

# The user for the managed identity, once; its name is the identity's, as Entra knows it.
sqlcmd --server "tcp:$server,1433" --database-name "$database" --authentication-method ActiveDirectoryAzCli --query "
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$identity')
BEGIN
  CREATE USER [$identity] FROM EXTERNAL PROVIDER;
END;
IF IS_ROLEMEMBER('db_datareader', '$identity') = 0 ALTER ROLE db_datareader ADD MEMBER [$identity];
IF IS_ROLEMEMBER('db_datawriter', '$identity') = 0 ALTER ROLE db_datawriter ADD MEMBER [$identity];"

bundle="${MIGRATIONS_BUNDLE:-}"
if [ -z "$bundle" ]; then
  bundle="$root/artifacts/efbundle"
  dotnet tool restore
  dotnet ef migrations bundle --project "$root/src/Cms.Model" --context SqlServerCmsDbContext --self-contained \
    --target-runtime linux-x64 --output "$bundle" --force
fi

# Active Directory Default signs in with the az CLI session: an Entra access token, no password.
"$bundle" --connection "Server=tcp:$server,1433;Database=$database;Authentication=Active Directory Default;Encrypt=True;TrustServerCertificate=False"

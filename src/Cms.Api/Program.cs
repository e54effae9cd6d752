using Cms.Api.GraphQL;
using Cms.Api.Hosting;
using Cms.Api.Security;

var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.AddCmsPersistence();
builder.AddCmsSecurity();
builder.AddCmsGraphQL();

var app = builder.Build();
if (command.Name is not null)
{
    return await app.RunCommandAsync(command);
}

await app.PrepareDatabaseAsync();
await app.EnsureBootstrapAdminKeyAsync();
app.UseCmsSecurity();
app.MapCmsGraphQL();
await app.RunAsync();
return 0;

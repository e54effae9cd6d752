using Cms.Api.ApiKeys;
using Cms.Api.Articles;
using Cms.Api.Hosting;
using Cms.Api.HttpSecurity;
using Cms.Api.Media;
using Cms.Api.SchemaCore;
using Cms.Api.Taxonomy;
using Cms.Api.Transport;

var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.AddCmsPersistence();
builder.Services.AddGraphQLHttpTransport();
builder.AddHttpSecurity();
builder.AddCmsSchema();
builder.Services.AddArticles().AddTaxonomy().AddMedia().AddApiKeys();

var app = builder.Build();
if (command.Name is not null)
{
    return await app.RunCommandAsync(command);
}

var schemaWarmUp = app.StartSchemaWarmUp();
await app.PrepareDatabaseAsync();
await app.EnsureBootstrapAdminKeyAsync();
await schemaWarmUp;
app.UseHttpSecurity();
app.MapGraphQLHttp();
app.MapMediaFiles();
await app.RunAsync();
return 0;

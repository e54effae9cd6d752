using Cms.Api.ApiKeys;
using Cms.Api.Articles;
using Cms.Api.GraphiQL;
using Cms.Api.Hosting;
using Cms.Api.HttpSecurity;
using Cms.Api.Media;
using Cms.Api.Presence;
using Cms.Api.Previews;
using Cms.Api.SchemaCore;
using Cms.Api.Studio;
using Cms.Api.Subscriptions;
using Cms.Api.Taxonomy;
using Cms.Api.Transport;
using Cms.Api.Webhooks;

var command = CommandLine.Parse(args);
if (command.ExitWithoutHost(Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.AddCmsPersistence();
builder.AddCmsTelemetry();
builder.Services.AddGraphQLHttpTransport();
builder.AddHttpSecurity();
builder.AddCmsSchema();
builder.Services.AddArticles().AddPreviews().AddPresence().AddTaxonomy().AddMedia().AddApiKeys().AddWebhooks().AddSubscriptions();
builder.Services.AddGraphiQL();
builder.Services.AddStudio();
builder.Services.AddCmsHealthChecks();
builder.Services.WithoutDataProtectionKeyRingAtStartup();

var app = builder.Build();
app.StartCmsTelemetry();
if (command.Name is not null)
{
    return await app.RunCommandAsync(command);
}

app.RefuseUnsafeProductionConfiguration();
var schemaWarmUp = app.StartSchemaWarmUp();
await app.PrepareDatabaseAsync();
await app.EnsureBootstrapAdminKeyAsync();
await schemaWarmUp;
app.UseHttpSecurity();
app.UseGraphiQL();
app.UseGraphQLStreaming();
app.MapGraphQLHttp();
app.MapMediaFiles();
app.MapStudio();
app.MapCmsHealth();
await app.RunAsync();
return 0;

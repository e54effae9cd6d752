using Cms.Api.GraphQL;
using Cms.Api.Hosting;

var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.AddCmsPersistence();
builder.AddCmsGraphQL();

var app = builder.Build();
if (command.Name is not null)
{
    return await app.RunCommandAsync(command);
}

await app.PrepareDatabaseAsync();
app.MapCmsGraphQL();
await app.RunAsync();
return 0;

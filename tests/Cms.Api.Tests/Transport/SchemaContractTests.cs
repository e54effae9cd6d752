using Cms.Api.Hosting;
using Cms.Api.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Transport;

/// <summary>schema.graphql at the repository root is the contract; it must be exactly what the server runs.</summary>
public sealed class SchemaContractTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task The_checked_in_schema_matches_the_running_schema()
    {
        var path = SchemaExport.DefaultPath(AppContext.BaseDirectory);
        var checkedIn = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "(missing)";

        var running = SchemaExport.Print(api.Services.GetRequiredService<ISchema>());

        Assert.True(
            checkedIn == running,
            $"{path} differs from the running schema. Review the change, then run: dotnet run --project src/Cms.Api -- schema export");
    }

    [Fact]
    public async Task The_export_command_writes_the_sdl_to_the_given_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"schema-{Guid.NewGuid():N}.graphql");
        var database = Path.Combine(Path.GetTempPath(), $"cms-schema-{Guid.NewGuid():N}.db");
        try
        {
            var exitCode = (int)typeof(Program).Assembly.EntryPoint!.Invoke(null, [new[] { "schema", "export", path, $"--Database:ConnectionString=Data Source={database}" }])!;

            Assert.Equal(0, exitCode);
            Assert.Equal(SchemaExport.Print(api.Services.GetRequiredService<ISchema>()), await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
            File.Delete(database);
        }
    }
}

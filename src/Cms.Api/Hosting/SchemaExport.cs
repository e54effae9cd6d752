using Cms.Api.Transport;
using GraphQL.Types;

namespace Cms.Api.Hosting;

/// <summary>The schema as SDL: the contract front ends generate code from, kept at the repository root as schema.graphql.</summary>
public static class SchemaExport
{
    public const string DefaultFileName = "schema.graphql";

    /// <summary>schema.graphql at the root of the repository that holds <paramref name="contentRoot"/> (found by Cms.sln), else in the current folder.</summary>
    public static string DefaultPath(string contentRoot)
    {
        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cms.sln")))
            {
                return Path.Combine(folder.FullName, DefaultFileName);
            }
        }

        return Path.GetFullPath(DefaultFileName);
    }

    public static string Print(ISchema schema) => SchemaSdl.Print(schema);
}

using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Cms.Api.Transport;

/// <summary>The schema as SDL, as <c>GET /graphql?sdl</c> serves it and schema.graphql holds it.</summary>
public static class SchemaSdl
{
    public static string Print(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        schema.Initialize();

        // Sorted by name, so the text changes only when the schema does, not when registration order does.
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal });
        return sdl.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}

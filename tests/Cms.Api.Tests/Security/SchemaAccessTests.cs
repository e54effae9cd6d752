using Cms.Api.SchemaCore;
using Cms.Api.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Security;

/// <summary>Secure by default: a walk over the whole schema that fails on any field nobody decided the access of.</summary>
public sealed class SchemaAccessTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public void Every_root_field_and_every_mutation_has_its_own_explicit_rule()
    {
        var schema = Schema();
        var roots = new[] { schema.Query, schema.Mutation }.Where(t => t is not null);

        var missing = roots.SelectMany(root => root!.Fields
            .Where(f => !f.IsAnonymousAllowed() && f.GetRoles() is not { Count: > 0 })
            .Select(f => $"{root!.Name}.{f.Name}")).ToList();

        Assert.True(missing.Count == 0, $"Root fields without an explicit rule: {string.Join(", ", missing)}");
        Assert.NotNull(schema.Mutation);
    }

    [Fact]
    public void Every_field_of_every_output_type_is_public_or_needs_a_role()
    {
        var schema = Schema();

        var missing = schema.AllTypes
            .OfType<IComplexGraphType>()
            .Where(type => type is not IInputObjectGraphType && !type.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(type => type.Fields.Where(field => !Access.RequirementFor(field, type).HasRule).Select(field => $"{type.Name}.{field.Name}"))
            .ToList();

        Assert.True(missing.Count == 0, $"Fields without an authorization rule: {string.Join(", ", missing)}");
    }

    [Fact]
    public void A_field_without_a_rule_would_be_refused()
    {
        var type = new ObjectGraphType { Name = "Unmarked" };
        var field = type.Field<StringGraphType>("secret").FieldType;

        Assert.False(Access.RequirementFor(field, type).HasRule);
    }

    [Fact]
    public void Rules_resolve_as_designed()
    {
        var schema = Schema();
        AccessRequirement Rule(string type, string field)
        {
            var graphType = (IComplexGraphType)schema.AllTypes[type]!;
            return Access.RequirementFor(graphType.GetField(field)!, graphType);
        }

        Assert.True(Rule("Query", "article").IsPublic);
        Assert.Equal(Model.Security.Role.Admin, Rule("Query", "apiKeys").MinimumRole);
        Assert.Equal(Model.Security.Role.Admin, Rule("Mutation", "createApiKey").MinimumRole);
        Assert.True(Rule("Article", "title").IsPublic);
        Assert.Equal(Model.Security.Role.Admin, Rule("ApiKey", "name").MinimumRole);
        Assert.True(Rule("ArticlesConnection", "edges").IsInherited);
        Assert.True(Rule("ArticlesConnection", "nodes").IsInherited);
        Assert.True(Rule("ArticlesEdge", "node").IsInherited);
    }

    private ISchema Schema()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }
}

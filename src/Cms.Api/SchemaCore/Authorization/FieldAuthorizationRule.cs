using Cms.Api.Common;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Cms.Api.SchemaCore;

/// <summary>
/// Enforces the schema's authorization rules field by field during validation, so a request that selects
/// anything its caller may not see is refused whole and nothing executes. (GraphQL.NET's own enforcing rule
/// lives in its server package, which is not available here; this one reads the same metadata.)
/// </summary>
public sealed class FieldAuthorizationRule : ValidationRuleBase
{
    public static readonly FieldAuthorizationRule Instance = new();

    private static readonly MatchingNodeVisitor<GraphQLField> Visitor = new((field, context) => Check(field, context));

    private FieldAuthorizationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);

    /// <summary>Arguments can need more than their field: reading a draft (<c>stage</c>, <c>version</c>) needs a role.</summary>
    private static void CheckArguments(GraphQLField node, FieldType field, IGraphType parent, Role? role, ValidationContext context)
    {
        foreach (var argument in node.Arguments?.Items ?? [])
        {
            var definition = field.Arguments?.Find(argument.Name.StringValue);
            if (definition?.GetRoles() is not { Count: > 0 } names)
            {
                continue;
            }

            var required = names.Select(n => Roles.TryParse(n, out var r) ? r : Role.Admin).Min();
            if (role < required || role is null)
            {
                context.ReportError(new AuthorizationError(context.Document.Source, node, parent.Name, $"{field.Name}({argument.Name.StringValue}:)", required, role, context.User?.Identity?.IsAuthenticated == true));
            }
        }
    }

    private static void Check(GraphQLField node, ValidationContext context)
    {
        var field = context.TypeInfo.GetFieldDef();
        var parent = context.TypeInfo.GetParentType()?.GetNamedType();
        if (field is null || parent is null || field.Name.StartsWith("__", StringComparison.Ordinal) ||
            parent.Name.StartsWith("__", StringComparison.Ordinal) || !context.ShouldIncludeNode(node))
        {
            // Unknown fields are reported by validation; introspection is governed by its own setting.
            return;
        }

        var role = context.User.GetRole();
        CheckArguments(node, field, parent, role, context);
        var requirement = Access.RequirementFor(field, parent);
        if (requirement.IsPublic || requirement.IsInherited)
        {
            return;
        }

        if (requirement.MinimumRole is { } minimum && role >= minimum)
        {
            return;
        }

        context.ReportError(new AuthorizationError(context.Document.Source, node, parent.Name, field.Name, requirement.MinimumRole, role, context.User?.Identity?.IsAuthenticated == true));
    }
}

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

    private static readonly INodeVisitor Visitor = new NodeVisitors(
        new MatchingNodeVisitor<GraphQLField>((field, context) => Check(field, context)),
        new MatchingNodeVisitor<GraphQLObjectField>((field, context) => CheckInputField(field, context)));

    private FieldAuthorizationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);

    /// <summary>Input fields given in variables are checked as they are parsed, as those written in the document are.</summary>
    public override ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => new(InputFieldsInVariables.Instance);

    /// <summary>
    /// An input field can need more than its argument: a filter on who changed an article needs a role even where the list
    /// itself is public. Checked wherever the field is given, in the document or in a variable.
    /// </summary>
    private static void CheckInputField(GraphQLObjectField node, ValidationContext context)
    {
        // The input type stack holds the field's own type on top and the object it belongs to below it.
        if (context.TypeInfo.GetInputType(1)?.GetNamedType() is IInputObjectGraphType parent &&
            parent.GetField(node.Name.StringValue) is { } field)
        {
            CheckInputField(node, parent, field, context);
        }
    }

    private static void CheckInputField(ASTNode node, IInputObjectGraphType parent, FieldType field, ValidationContext context) =>
        CheckRole(field, node, parent.Name, field.Name, context);

    /// <summary>The one check behind argument and input-field rules: the caller's role against the lowest role the metadata names.</summary>
    private static void CheckRole(IMetadataReader metadata, ASTNode node, string typeName, string fieldName, ValidationContext context)
    {
        if (metadata.GetRoles() is not { Count: > 0 } names)
        {
            return;
        }

        var role = context.User.GetRole();
        var required = names.Select(n => Roles.TryParse(n, out var r) ? r : Role.Admin).Min();
        if (role < required || role is null)
        {
            context.ReportError(new AuthorizationError(context.Document.Source, node, typeName, fieldName, required, role, context.User?.Identity?.IsAuthenticated == true));
        }
    }

    /// <summary>Arguments can need more than their field: reading a draft (<c>stage</c>, <c>version</c>) needs a role.</summary>
    private static void CheckArguments(GraphQLField node, FieldType field, IGraphType parent, ValidationContext context)
    {
        foreach (var argument in node.Arguments?.Items ?? [])
        {
            if (field.Arguments?.Find(argument.Name.StringValue) is { } definition)
            {
                CheckRole(definition, node, parent.Name, $"{field.Name}({argument.Name.StringValue}:)", context);
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
        CheckArguments(node, field, parent, context);
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

    private sealed class InputFieldsInVariables : BaseVariableVisitor
    {
        public static readonly InputFieldsInVariables Instance = new();

        public override ValueTask VisitFieldAsync(ValidationContext context, GraphQLVariableDefinition variable, VariableName variableName, IInputObjectGraphType type, FieldType field, object? variableValue, object? parsedValue)
        {
            if (variableValue is not null)
            {
                CheckInputField(variable, type, field, context);
            }

            return default;
        }
    }
}

using GraphQL.Validation;
using GraphQLParser.AST;

namespace Cms.Api.Transport;

/// <summary>GET requests may only run queries: GET must stay safe, cacheable and free of side effects.</summary>
public sealed class QueriesOnlyOverGetRule : ValidationRuleBase
{
    public static readonly QueriesOnlyOverGetRule Instance = new();

    private QueriesOnlyOverGetRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new OperationNotAllowedOverGetError(context.Document.Source, context.Operation));
        }

        return default;
    }
}

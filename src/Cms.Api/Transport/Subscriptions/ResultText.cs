using System.Runtime.CompilerServices;
using GraphQL;

namespace Cms.Api.Transport;

/// <summary>
/// A result's JSON, written once however many subscribers receive the same result object (a shared subscription hands one
/// result to every member of its group) and kept only as long as the result itself.
/// </summary>
internal static class ResultText
{
    private static readonly ConditionalWeakTable<ExecutionResult, string> Written = [];

    public static string Of(IGraphQLTextSerializer serializer, ExecutionResult result) =>
        Written.GetValue(result, r => serializer.Serialize(r));
}

using GraphQL;

namespace Cms.Api.Transport;

/// <summary>An operation's variables written as JSON, for keys of answers that depend on them (the response cache, shared subscriptions).</summary>
public static class VariablesJson
{
    /// <summary>
    /// False when the variables cannot be written as JSON (a value such as 1e999 read as infinity has no JSON form; validation
    /// refuses it later with a proper error); null JSON when there are none.
    /// </summary>
    public static bool TryWrite(IGraphQLSerializer serializer, Inputs? variables, out string? json)
    {
        json = null;
        if (variables is not { Count: > 0 })
        {
            return true;
        }

        if (serializer is not IGraphQLTextSerializer text)
        {
            return false;
        }

        try
        {
            json = text.Serialize(variables);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return false;
        }
    }
}

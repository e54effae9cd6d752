using System.Globalization;
using System.Text.Json;
using Cms.Model.Delivery;
using GraphQL;

namespace Cms.Api.Articles;

/// <summary>
/// What an <c>articles</c> cursor holds: the list's stage and order (its signature), then the sort values of the row, so
/// that the next page is a seek. A cursor read under another stage or order is refused. The connection helper signs it.
/// </summary>
internal static class ArticleListCursor
{
    public static (ArticleStage Stage, IReadOnlyList<ArticleSort> Order) Arguments(IResolveFieldContext context)
    {
        var stage = context.GetArgument("stage", ArticleStage.Published);
        var steps = context.GetArgument<List<object>?>("order")?.OfType<IEnumerable<ArticleSort>>().SelectMany(s => s).ToList();
        return (stage, ArticleLists.CompleteOrder(steps));
    }

    /// <summary>The cursor content of each row of a page read under the field's arguments.</summary>
    public static Func<ArticleView, string> ContentOf(IResolveFieldContext<object?> context)
    {
        var (stage, order) = Arguments(context);
        var signature = ArticleLists.Signature(stage, order);
        return view => $"{signature}\n{JsonSerializer.Serialize(ArticleLists.PositionOf(view, order).Select(Format).ToArray())}";
    }

    public static bool TryRead(IResolveFieldContext<object?> context, string content, out IReadOnlyList<object> position)
    {
        position = [];
        var (stage, order) = Arguments(context);
        var newline = content.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0 || content[..newline] != ArticleLists.Signature(stage, order))
        {
            return false;
        }

        string[]? values;
        try
        {
            values = JsonSerializer.Deserialize<string[]>(content.AsSpan(newline + 1));
        }
        catch (JsonException)
        {
            return false;
        }

        if (values is null || values.Length != order.Count)
        {
            return false;
        }

        var parsed = new List<object>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (Parse(values[i], ArticleLists.ValueType(order[i].Field)) is not { } value)
            {
                return false;
            }

            parsed.Add(value);
        }

        position = parsed;
        return true;
    }

    private static string Format(object value) => value switch
    {
        long number => number.ToString(CultureInfo.InvariantCulture),
        DateTime moment => moment.Ticks.ToString(CultureInfo.InvariantCulture),
        _ => (string)value,
    };

    private static object? Parse(string? text, Type type)
    {
        if (text is null)
        {
            return null;
        }

        if (type == typeof(string))
        {
            return text;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return type == typeof(DateTime)
            ? number is >= 0 and <= 3_155_378_975_999_999_999 ? new DateTime(number, DateTimeKind.Utc) : null
            : number;
    }
}

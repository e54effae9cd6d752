using System.Globalization;
using Cms.Api.SchemaCore;
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
        return view => CursorContent.Compose(signature, ArticleLists.PositionOf(view, order).Select(Format));
    }

    public static bool TryRead(IResolveFieldContext<object?> context, string content, out IReadOnlyList<object> position)
    {
        position = [];
        var (stage, order) = Arguments(context);
        if (!CursorContent.TryRead(content, ArticleLists.Signature(stage, order), order.Count, out var values))
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

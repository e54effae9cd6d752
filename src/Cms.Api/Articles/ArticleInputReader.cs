using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Media;

namespace Cms.Api.Articles;

/// <summary>Turns GraphQL input objects (already type-checked by GraphQL) into the domain's content and changes.</summary>
internal static class ArticleInputReader
{
    public static ArticleChanges ReadChanges(IReadOnlyDictionary<string, object?> input) => new()
    {
        Title = input.GetValueOrDefault("title") as string,
        Summary = input.GetValueOrDefault("summary") as string,
        HistoricalDate = input.GetValueOrDefault("historicalDate") is IDictionary<string, object?> date ? ReadDate(date) : null,
        Places = ReadList(input, "places", p => new Place((string)p["name"]!, Value(p, "country") as string, AsDouble(Value(p, "latitude")), AsDouble(Value(p, "longitude")))),
        Tags = ReadList(input, "tags", value => (string)value!),
        KeyFacts = ReadList(input, "keyFacts", value => (string)value!),
        Sections = ReadSections(input),
        Sources = ReadList(input, "sources", s => new Source((string)s["title"]!, Value(s, "url") as string, Value(s, "publisher") as string, Value(s, "note") as string)),
        Media = ReadList(input, "media", m => new MediaReference(
            Guid.TryParse(m["assetId"]?.ToString(), out var asset) ? asset : Guid.Empty,
            (MediaRole)m["role"]!,
            Value(m, "captionOverride") as string)),
    };

    /// <summary>A complete first version: what the changes leave out is empty.</summary>
    public static ArticleContent ReadContent(IReadOnlyDictionary<string, object?> input) => ReadChanges(input).ToNewContent();

    private static HistoricalDate ReadDate(IDictionary<string, object?> date) => new(
        ReadPoint((IDictionary<string, object?>)date["start"]!),
        date.TryGetValue("end", out var end) && end is IDictionary<string, object?> endPoint ? ReadPoint(endPoint) : null,
        (DatePrecision)date["precision"]!,
        date.TryGetValue("label", out var label) ? label as string : null);

    private static DatePoint ReadPoint(IDictionary<string, object?> point) => new(
        (int)point["year"]!,
        point.TryGetValue("month", out var month) ? (int?)month : null,
        point.TryGetValue("day", out var day) ? (int?)day : null);

    private static List<Section>? ReadSections(IReadOnlyDictionary<string, object?> input) =>
        ReadList(input, "sections", s =>
        {
            var heading = (string)s["heading"]!;
            var key = Value(s, "key") as string;
            if (string.IsNullOrEmpty(key))
            {
                // A new section's key comes from its heading; the validator reports a clash with another key.
                key = Slug.FromTitle(heading);
                key = key.Length > Section.MaxKeyLength ? key[..Section.MaxKeyLength].TrimEnd('-') : key;
            }

            return new Section(key, heading, (string)s["body"]!);
        });

    private static List<T>? ReadList<T>(IReadOnlyDictionary<string, object?> input, string name, Func<IDictionary<string, object?>, T> read) =>
        input.GetValueOrDefault(name) is IEnumerable<object?> items ? [.. items.Cast<IDictionary<string, object?>>().Select(read)] : null;

    private static List<T>? ReadList<T>(IReadOnlyDictionary<string, object?> input, string name, Func<object?, T> read) =>
        input.GetValueOrDefault(name) is IEnumerable<object?> items ? [.. items.Select(read)] : null;

    private static object? Value(IDictionary<string, object?> input, string name) => input.TryGetValue(name, out var value) ? value : null;

    private static double? AsDouble(object? value) => value is null ? null : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}

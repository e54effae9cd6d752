using Cms.Model.Outcomes;
using Cms.Model.Taxonomy;

namespace Cms.Model.Articles;

/// <summary>
/// Checks content before anything is written and reports every problem at once, each with its field path,
/// so an editor's form can mark all of them in one round trip.
/// </summary>
public static class ArticleValidator
{
    public const int MaxChangeNoteLength = 500;

    public static IReadOnlyList<ValidationProblem> ValidateSlug(string? slug)
    {
        var problem = Slug.Check(slug, "slug", Slug.MaxLength);
        return problem is null ? [] : [problem];
    }

    public static IReadOnlyList<ValidationProblem> Validate(ArticleContent content, string? changeNote = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<ValidationProblem>();

        RequireText(problems, content.Title, "title", ArticleContent.MaxTitleLength);
        RequireText(problems, content.Summary, "summary", ArticleContent.MaxSummaryLength);
        if (content.HistoricalDate is null)
        {
            problems.Add(ValidationProblem.Required("historicalDate"));
        }
        else
        {
            problems.AddRange(content.HistoricalDate.Validate("historicalDate"));
        }

        ValidatePlaces(problems, content.Places);
        ValidateTags(problems, content.Tags, "tags", ArticleContent.MaxTags);
        ValidateKeyFacts(problems, content.KeyFacts);
        ValidateSections(problems, content.Sections);
        ValidateSources(problems, content.Sources);
        ValidateMedia(problems, content.Media);
        OptionalText(problems, changeNote, "changeNote", MaxChangeNoteLength);
        return problems;
    }

    private static void ValidatePlaces(List<ValidationProblem> problems, IReadOnlyList<Place>? places)
    {
        if (!CheckList(problems, places, "places", ArticleContent.MaxPlaces))
        {
            return;
        }

        for (var i = 0; i < places!.Count; i++)
        {
            var path = $"places[{i}]";
            RequireText(problems, places[i].Name, $"{path}.name", Place.MaxNameLength);
            OptionalText(problems, places[i].Country, $"{path}.country", Place.MaxCountryLength);
            var (latitude, longitude) = (places[i].Latitude, places[i].Longitude);
            if (latitude.HasValue != longitude.HasValue)
            {
                problems.Add(ValidationProblem.Required(latitude.HasValue ? $"{path}.longitude" : $"{path}.latitude", "Coordinates need both a latitude and a longitude."));
            }

            if (latitude is < -90 or > 90 || (latitude is { } lat && double.IsNaN(lat)))
            {
                problems.Add(new ValidationProblem($"{path}.latitude", ValidationCodes.OutOfRange, "The latitude must be between -90 and 90."));
            }

            if (longitude is < -180 or > 180 || (longitude is { } lon && double.IsNaN(lon)))
            {
                problems.Add(new ValidationProblem($"{path}.longitude", ValidationCodes.OutOfRange, "The longitude must be between -180 and 180."));
            }
        }
    }

    /// <summary>Tag labels, as articles and media assets take them: each with letters or digits, no two with one slug.</summary>
    internal static void ValidateTags(List<ValidationProblem> problems, IReadOnlyList<string>? tags, string field, int maxCount)
    {
        if (!CheckList(problems, tags, field, maxCount))
        {
            return;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < tags!.Count; i++)
        {
            var path = $"{field}[{i}]";
            if (!RequireText(problems, tags[i], path, Tag.MaxLabelLength))
            {
                continue;
            }

            if (tags[i].Any(char.IsControl))
            {
                problems.Add(new ValidationProblem(path, ValidationCodes.InvalidFormat, "A tag cannot contain control characters."));
                continue;
            }

            var tag = Tag.FromLabel(tags[i]);
            if (tag.Slug.Length == 0)
            {
                problems.Add(new ValidationProblem(path, ValidationCodes.InvalidFormat, $"The tag '{tag.Label}' has no letters or digits to make its slug from."));
            }
            else if (seen.TryGetValue(tag.Slug, out var earlier))
            {
                problems.Add(new ValidationProblem(path, ValidationCodes.Duplicate, $"The tag '{tag.Label}' is the same tag as '{earlier}' (both are '{tag.Slug}')."));
            }
            else
            {
                seen.Add(tag.Slug, tag.Label);
            }
        }
    }

    private static void ValidateKeyFacts(List<ValidationProblem> problems, IReadOnlyList<string>? keyFacts)
    {
        if (!CheckList(problems, keyFacts, "keyFacts", ArticleContent.MaxKeyFacts))
        {
            return;
        }

        for (var i = 0; i < keyFacts!.Count; i++)
        {
            RequireText(problems, keyFacts[i], $"keyFacts[{i}]", KeyFact.MaxLength);
        }
    }

    private static void ValidateSections(List<ValidationProblem> problems, IReadOnlyList<Section>? sections)
    {
        if (!CheckList(problems, sections, "sections", ArticleContent.MaxSections))
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sections!.Count; i++)
        {
            var path = $"sections[{i}]";
            if (Slug.Check(sections[i].Key, $"{path}.key", Section.MaxKeyLength) is { } problem)
            {
                problems.Add(problem);
            }
            else if (!keys.Add(sections[i].Key))
            {
                problems.Add(new ValidationProblem($"{path}.key", ValidationCodes.Duplicate, $"The section key '{sections[i].Key}' is used by another section."));
            }

            RequireText(problems, sections[i].Heading, $"{path}.heading", Section.MaxHeadingLength);
            if (sections[i].Body is null)
            {
                problems.Add(ValidationProblem.Required($"{path}.body"));
            }
            else if (sections[i].Body.Length > Section.MaxBodyLength)
            {
                problems.Add(ValidationProblem.TooLong($"{path}.body", Section.MaxBodyLength));
            }
        }

        var bodiesLength = sections.Sum(section => (long)(section.Body?.Length ?? 0));
        if (bodiesLength > ArticleContent.MaxSectionBodiesLength)
        {
            problems.Add(new ValidationProblem("sections", ValidationCodes.TooLong, $"The section bodies together must be at most {ArticleContent.MaxSectionBodiesLength} characters long; they are {bodiesLength}."));
        }
    }

    private static void ValidateSources(List<ValidationProblem> problems, IReadOnlyList<Source>? sources)
    {
        if (!CheckList(problems, sources, "sources", ArticleContent.MaxSources))
        {
            return;
        }

        for (var i = 0; i < sources!.Count; i++)
        {
            var path = $"sources[{i}]";
            RequireText(problems, sources[i].Title, $"{path}.title", Source.MaxTitleLength);
            OptionalText(problems, sources[i].Publisher, $"{path}.publisher", Source.MaxPublisherLength);
            OptionalText(problems, sources[i].Note, $"{path}.note", Source.MaxNoteLength);
            if (sources[i].Url is { } url)
            {
                if (url.Length > Source.MaxUrlLength)
                {
                    problems.Add(ValidationProblem.TooLong($"{path}.url", Source.MaxUrlLength));
                }
                else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    problems.Add(new ValidationProblem($"{path}.url", ValidationCodes.InvalidFormat, "A source URL must be an absolute http or https address."));
                }
            }
        }
    }

    private static void ValidateMedia(List<ValidationProblem> problems, IReadOnlyList<MediaReference>? media)
    {
        if (!CheckList(problems, media, "media", ArticleContent.MaxMedia))
        {
            return;
        }

        var heroes = 0;
        for (var i = 0; i < media!.Count; i++)
        {
            var path = $"media[{i}]";
            if (media[i].AssetId == Guid.Empty)
            {
                problems.Add(ValidationProblem.Required($"{path}.assetId"));
            }

            if (!Enum.IsDefined(media[i].Role))
            {
                problems.Add(new ValidationProblem($"{path}.role", ValidationCodes.InvalidValue, "The role must be hero, inline or gallery."));
            }
            else if (media[i].Role == MediaRole.Hero && ++heroes > 1)
            {
                problems.Add(new ValidationProblem($"{path}.role", ValidationCodes.Duplicate, "A version has at most one hero image."));
            }

            OptionalText(problems, media[i].CaptionOverride, $"{path}.captionOverride", MediaReference.MaxCaptionLength);
            ValidateFocalPoint(problems, media[i].FocalPointOverride, $"{path}.focalPointOverride");
        }
    }

    private static bool CheckList<T>(List<ValidationProblem> problems, IReadOnlyList<T>? list, string field, int maxCount)
    {
        if (list is null)
        {
            problems.Add(ValidationProblem.Required(field));
            return false;
        }

        if (list.Count > maxCount)
        {
            problems.Add(ValidationProblem.TooMany(field, maxCount));
            return false;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                problems.Add(ValidationProblem.Required($"{field}[{i}]"));
                return false;
            }
        }

        return true;
    }

    /// <summary>Reports a missing or too long text; true when it is fine.</summary>
    private static bool RequireText(List<ValidationProblem> problems, string? value, string field, int maxLength)
    {
        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(ValidationProblem.Required(field));
        }
        else
        {
            OptionalText(problems, value, field, maxLength);
        }

        return problems.Count == before;
    }

    internal static void ValidateFocalPoint(List<ValidationProblem> problems, FocalPoint? point, string field)
    {
        if (point is { IsValid: false })
        {
            problems.Add(new ValidationProblem(field, ValidationCodes.OutOfRange, "A focal point's x and y are fractions of the image's width and height, from 0 to 1."));
        }
    }

    internal static void OptionalText(List<ValidationProblem> problems, string? value, string field, int maxLength)
    {
        if (value is { Length: var length } && length > maxLength)
        {
            problems.Add(ValidationProblem.TooLong(field, maxLength));
        }
    }
}

using Cms.Api.Common;
using Cms.Api.SchemaCore;
using Cms.Api.Taxonomy;
using Cms.Model.Delivery;
using Cms.Model.Security;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.Articles;

/// <summary>An article as shown at one version: the published one, for readers.</summary>
public sealed class ArticleGraphType : ObjectGraphType<ArticleView>
{
    public const string TypeName = NodeTypeNames.Article;

    public ArticleGraphType()
    {
        Name = TypeName;
        Description = "An event article, as shown at one of its versions (for readers, the published one).";

        // Readers reach articles only through fields that check access (published content is public).
        this.Public();
        Interface<NodeInterfaceGraphType>();

        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Global object id of the article; the same for all its versions.")
            .Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Article.Id));
        Field<NonNullGraphType<StringGraphType>>("slug")
            .Description("The article's address: lowercase letters, digits and hyphens.")
            .Resolve(ctx => ctx.Source.Article.Slug);
        Field<NonNullGraphType<StringGraphType>>("title")
            .Resolve(ctx => ctx.Source.Version.Title);
        Field<NonNullGraphType<StringGraphType>>("summary")
            .Description("The lead paragraph.")
            .Resolve(ctx => ctx.Source.Version.Summary);
        Field<NonNullGraphType<HistoricalDateGraphType>>("historicalDate")
            .Description("When the event happened.")
            .Resolve(ctx => ctx.Source.Version.HistoricalDate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceGraphType>>>>("places")
            .Description("Where the event happened, in the editor's order.")
            .Resolve(ctx => ctx.Source.Version.Places);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags")
            .Description("The tags, in the editor's order: each a label (\"World War II\") and the slug lists filter by (\"world-war-ii\").")
            .Resolve(ctx => ctx.Source.Version.Tags);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("keyFacts")
            .Description("Short lines stating the key facts, in order.")
            .Resolve(ctx => ctx.Source.Version.KeyFacts.Select(f => f.Text));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionGraphType>>>>("sections")
            .Description("The body, section by section, in reading order.")
            .Resolve(ctx => ctx.Source.Version.Sections);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources")
            .Resolve(ctx => ctx.Source.Version.Sources);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaReferenceGraphType>>>>("media")
            .Description("Images used by this version, in order, each with its role.")
            .Resolve(ctx => ctx.Source.Version.Media);
        Field<NonNullGraphType<ArticleVersionGraphType>>("version")
            .Description("The version being shown.")
            .Resolve(ctx => ctx.Source.Version);
        Field<DateTimeGraphType>("publishedAt")
            .Description("When the current published version was published.")
            .Resolve(ctx => ctx.Source.Article.PublishedAt);
        Field<StringGraphType>("redirectedFrom")
            .Description("The former slug this article was found by; the client should move to the current slug.")
            .Resolve(ctx => ctx.Source.RedirectedFrom);
        Field<NonNullGraphType<ArticleStatusGraphType>>("status")
            .Description("Editorial status.")
            .RequireRole(Role.Viewer)
            .Resolve(ctx => ctx.Source.Article.Status);
        Field<NonNullGraphType<IntGraphType>>("latestVersionNumber")
            .Description("The number of the newest version: the expectedVersion for the next change.")
            .RequireRole(Role.Viewer)
            .Resolve(ctx => ctx.Source.Article.LatestVersionNumber);
        Field<IntGraphType>("publishedVersionNumber")
            .RequireRole(Role.Viewer)
            .Resolve(ctx => ctx.Source.Article.PublishedVersionNumber);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt")
            .Description("When anything last changed the article: a version saved, a publication, a schedule, a new slug.")
            .RequireRole(Role.Viewer)
            .Resolve(ctx => ctx.Source.Article.UpdatedAt);
        Field<NonNullGraphType<StringGraphType>>("updatedBy")
            .Description("Who made that change (an actor such as cms-api-key:editor-1), as the updatedBy filter matches it.")
            .RequireRole(Role.Viewer)
            .Resolve(ctx => ctx.Source.Article.UpdatedBy);
        ArticleVersionsField.AddTo(this);
        Field<ScheduledPublicationGraphType>("scheduledPublication")
            .Description("The pending scheduled publication, if any.")
            .RequireRole(Role.Viewer)
            .Resolve()
            .WithService<Model.Delivery.ArticleHistory>()
            .ResolveAsync(async (ctx, history) => await history.PendingScheduleAsync(ctx.Source.Article.Id, ctx.CancellationToken));
    }

    /// <summary>The version lists a selection of Article fields needs loaded.</summary>
    public static Model.Persistence.VersionParts PartsFor(ISet<string> selectedFields)
    {
        ArgumentNullException.ThrowIfNull(selectedFields);
        var parts = Model.Persistence.VersionParts.None;
        foreach (var (field, part) in ListFields)
        {
            if (selectedFields.Contains(field))
            {
                parts |= part;
            }
        }

        return parts;
    }

    private static readonly (string Field, Model.Persistence.VersionParts Part)[] ListFields =
    [
        ("places", Model.Persistence.VersionParts.Places),
        ("tags", Model.Persistence.VersionParts.Tags),
        ("keyFacts", Model.Persistence.VersionParts.KeyFacts),
        ("sections", Model.Persistence.VersionParts.Sections),
        ("sources", Model.Persistence.VersionParts.Sources),
        ("media", Model.Persistence.VersionParts.Media),
    ];
}

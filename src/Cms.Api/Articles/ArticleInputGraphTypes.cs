using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class DatePointInputGraphType : InputObjectGraphType<DatePointInput>
{
    public DatePointInputGraphType()
    {
        Name = "DatePointInput";
        Field<NonNullGraphType<IntGraphType>>("year").Description("Never 0; negative for BCE (-490 is 490 BCE).");
        Field<IntGraphType>("month");
        Field<IntGraphType>("day");
    }
}

public sealed class HistoricalDateInputGraphType : InputObjectGraphType<HistoricalDateInput>
{
    public HistoricalDateInputGraphType()
    {
        Name = "HistoricalDateInput";
        Field<NonNullGraphType<DatePointInputGraphType>>("start");
        Field<DatePointInputGraphType>("end");
        Field<NonNullGraphType<DatePrecisionGraphType>>("precision");
        Field<StringGraphType>("label").Description("Wording to show instead of the generated one, such as \"Late October 1944\".");
    }
}

public sealed class PlaceInputGraphType : InputObjectGraphType<PlaceInput>
{
    public PlaceInputGraphType()
    {
        Name = "PlaceInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("country");
        Field<FloatGraphType>("latitude");
        Field<FloatGraphType>("longitude");
    }
}

public sealed class SectionInputGraphType : InputObjectGraphType<SectionInput>
{
    public SectionInputGraphType()
    {
        Name = "SectionInput";
        Field<StringGraphType>("key").Description("Keep a section's key when editing it, so versions compare section by section; a new section gets one from its heading when omitted.");
        Field<NonNullGraphType<StringGraphType>>("heading");
        Field<NonNullGraphType<StringGraphType>>("body").Description("Markdown, stored as written.");
    }
}

public sealed class SourceInputGraphType : InputObjectGraphType<SourceInput>
{
    public SourceInputGraphType()
    {
        Name = "SourceInput";
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<StringGraphType>("url");
        Field<StringGraphType>("publisher");
        Field<StringGraphType>("note");
    }
}

public sealed class MediaReferenceInputGraphType : InputObjectGraphType<MediaReferenceInput>
{
    public MediaReferenceInputGraphType()
    {
        Name = "MediaReferenceInput";
        Field<NonNullGraphType<IdGraphType>>("assetId").Description("The asset's id (the global id, or the bare one assetId shows).");
        Field<NonNullGraphType<MediaRoleGraphType>>("role");
        Field<StringGraphType>("captionOverride");
        Field<FocalPointInputGraphType>("focalPointOverride").Description("Where crops of the image centre for this use only.");
    }
}

/// <summary>The content fields shared by create and update; on update, an omitted field keeps its value.</summary>
public abstract class ArticleContentInputGraphType<TInput> : InputObjectGraphType<TInput>
    where TInput : ArticleContentInput
{
    protected void AddContentFields(bool required)
    {
        if (required)
        {
            Field<NonNullGraphType<StringGraphType>>("title");
            Field<NonNullGraphType<StringGraphType>>("summary").Description("The lead paragraph.");
            Field<NonNullGraphType<HistoricalDateInputGraphType>>("historicalDate");
        }
        else
        {
            Field<StringGraphType>("title");
            Field<StringGraphType>("summary").Description("The lead paragraph.");
            Field<HistoricalDateInputGraphType>("historicalDate");
        }

        Field<ListGraphType<NonNullGraphType<PlaceInputGraphType>>>("places");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description($"Labels as readers should see them, such as \"World War II\" (up to {Tag.MaxLabelLength} characters, any script); each one's slug is derived, and two labels with one slug are one tag.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("keyFacts");
        Field<ListGraphType<NonNullGraphType<SectionInputGraphType>>>("sections").Description("The whole list in reading order: add, edit, move or remove sections by sending the list you want.");
        Field<ListGraphType<NonNullGraphType<SourceInputGraphType>>>("sources");
        Field<ListGraphType<NonNullGraphType<MediaReferenceInputGraphType>>>("media");
        Field<StringGraphType>("changeNote").Description("What this version changes, shown in the history.");
    }
}

public sealed class CreateArticleInputGraphType : ArticleContentInputGraphType<CreateArticleInput>
{
    public CreateArticleInputGraphType()
    {
        Name = "CreateArticleInput";
        Field<StringGraphType>("slug").Description("Lowercase letters, digits and hyphens; made from the title when omitted.");
        AddContentFields(required: true);
    }
}

public sealed class UpdateArticleInputGraphType : ArticleContentInputGraphType<UpdateArticleInput>
{
    public UpdateArticleInputGraphType()
    {
        Name = "UpdateArticleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The version the change is based on (latestVersionNumber when the editor loaded it).");
        AddContentFields(required: false);
    }
}

/// <summary>Inputs of the commands that name one article (and, for some, a version).</summary>
public abstract class ArticleCommandInputGraphType<TInput> : InputObjectGraphType<TInput>
    where TInput : ArticleCommandInput
{
    protected ArticleCommandInputGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<IdGraphType>>("id").Description("The article's global id.");
    }
}

public sealed class ChangeSlugInputGraphType : ArticleCommandInputGraphType<ChangeSlugInput>
{
    public ChangeSlugInputGraphType()
        : base("ChangeSlugInput") => Field<NonNullGraphType<StringGraphType>>("slug").Description("The new slug; the old one keeps answering as a redirect.");
}

public sealed class PublishArticleInputGraphType : ArticleCommandInputGraphType<PublishArticleInput>
{
    public PublishArticleInputGraphType()
        : base("PublishArticleInput") => Field<IntGraphType>("version").Description("The version to publish; the latest when omitted.");
}

public sealed class RestoreArticleVersionInputGraphType : ArticleCommandInputGraphType<RestoreArticleVersionInput>
{
    public RestoreArticleVersionInputGraphType()
        : base("RestoreArticleVersionInput")
    {
        Field<NonNullGraphType<IntGraphType>>("version").Description("The version whose content becomes the new latest version.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The latest version the restore is based on.");
    }
}

public sealed class UnpublishArticleInputGraphType() : ArticleCommandInputGraphType<ArticleCommandInput>("UnpublishArticleInput");

public sealed class ArchiveArticleInputGraphType() : ArticleCommandInputGraphType<ArticleCommandInput>("ArchiveArticleInput");

public sealed class DeleteArticleInputGraphType() : ArticleCommandInputGraphType<ArticleCommandInput>("DeleteArticleInput");

public sealed class PurgeArticleInputGraphType() : ArticleCommandInputGraphType<ArticleCommandInput>("PurgeArticleInput");

public sealed class ArticlePayload(Model.Delivery.ArticleView? article, IReadOnlyList<Model.Editing.EditError> errors)
{
    public Model.Delivery.ArticleView? Article { get; } = article;

    public IReadOnlyList<Model.Editing.EditError> Errors { get; } = errors;
}

public sealed class ArticlePayloadGraphType : ObjectGraphType<ArticlePayload>
{
    public ArticlePayloadGraphType()
    {
        Name = "ArticlePayload";
        Description = "The outcome of an article mutation: the article at its latest version, or why nothing happened.";
        this.Public();
        Field<ArticleGraphType>("article").Description("The article as it now is (its latest version); null when the mutation failed or purged it.").Resolve(ctx => ctx.Source.Article);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleErrorUnion>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class SchedulePublicationInputGraphType : ArticleCommandInputGraphType<SchedulePublicationInput>
{
    public SchedulePublicationInputGraphType()
        : base("SchedulePublicationInput")
    {
        Field<IntGraphType>("version").Description("The version to publish; the latest when omitted.");
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When to publish; must be in the future. Replaces any pending schedule.");
    }
}

public sealed class CancelScheduledPublicationInputGraphType() : ArticleCommandInputGraphType<ArticleCommandInput>("CancelScheduledPublicationInput");

public sealed class ScheduledPublicationGraphType : ObjectGraphType<Model.Articles.ScheduledPublication>
{
    public ScheduledPublicationGraphType()
    {
        Name = "ScheduledPublication";
        Description = "A publication set for a later moment.";
        this.RequireRole(Model.Security.Role.Viewer);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(ctx => ctx.Source.VersionNumber);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Resolve(ctx => ctx.Source.CreatedBy);
    }
}

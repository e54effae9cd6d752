namespace Cms.Model.Articles;

public enum ArticleStatus
{
    /// <summary>Never published, or unpublished: only editors see it.</summary>
    Draft,

    /// <summary>The latest version is the published one.</summary>
    Published,

    /// <summary>A version is published and editors have saved newer versions since.</summary>
    PublishedWithDraft,

    /// <summary>Withdrawn from editing and delivery; its history is kept.</summary>
    Archived,
}

namespace Cms.Model.Articles;

/// <summary>
/// An event article: a stable identity and slug over a growing sequence of immutable versions, at most one
/// of which is published. The article row only points into its history; the content lives in versions.
/// </summary>
public sealed class Article
{
    private Article()
    {
    }

    public Guid Id { get; private set; }

    public string Slug { get; private set; } = string.Empty;

    public ArticleStatus Status { get; private set; }

    /// <summary>
    /// The number of the newest version. It is also the concurrency token: a save based on an older
    /// number is refused, so two editors can never overwrite each other's work.
    /// </summary>
    public int LatestVersionNumber { get; private set; }

    public int? PublishedVersionNumber { get; private set; }

    /// <summary>
    /// The date sort key of the published version, kept on the article so that the published list is read in order from
    /// one index of this table (newest event first), however many articles there are. Null when nothing is published.
    /// </summary>
    public long? PublishedDateSortKey { get; private set; }

    /// <summary>The published version, when a query includes it.</summary>
    public ArticleVersion? PublishedVersion { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    /// <summary>When the article was deleted (soft): hidden everywhere, kept until an admin purges it.</summary>
    public DateTime? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>A new draft article with its first version. The caller has validated slug and content.</summary>
    internal static (Article Article, ArticleVersion FirstVersion) Create(string slug, ArticleContent content, string author, DateTime now, string? changeNote)
    {
        var article = new Article
        {
            Id = Guid.CreateVersion7(now),
            Slug = slug,
            Status = ArticleStatus.Draft,
            LatestVersionNumber = 1,
            CreatedAt = now,
            CreatedBy = author,
            UpdatedAt = now,
            UpdatedBy = author,
        };
        return (article, ArticleVersion.Write(article.Id, 1, content, author, now, changeNote));
    }

    /// <summary>Version N+1: the content of <paramref name="basis"/> (version N) with the changes applied.</summary>
    internal ArticleVersion AddVersion(ArticleVersion basis, ArticleContent content, string author, DateTime now, string? changeNote)
    {
        if (basis.ArticleId != Id || basis.Number != LatestVersionNumber)
        {
            throw new InvalidOperationException($"Version {LatestVersionNumber + 1} of article {Id} must be based on version {LatestVersionNumber}.");
        }

        LatestVersionNumber++;
        UpdatedAt = now;
        UpdatedBy = author;
        Status = ComputeStatus();
        return ArticleVersion.Write(Id, LatestVersionNumber, content, author, now, changeNote);
    }

    internal PublicationLogEntry Publish(ArticleVersion version, string actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(version);
        var versionNumber = version.Number;
        if (version.ArticleId != Id || versionNumber < 1 || versionNumber > LatestVersionNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(version), versionNumber, $"Article {Id} has versions 1 to {LatestVersionNumber}.");
        }

        PublishedVersionNumber = versionNumber;
        PublishedDateSortKey = version.DateSortKey;
        PublishedAt = now;
        UpdatedAt = now;
        UpdatedBy = actor;
        Status = ComputeStatus();
        return PublicationLogEntry.Create(Id, PublicationAction.Published, versionNumber, actor, now);
    }

    /// <summary>Takes the article out of delivery; its versions stay as they are.</summary>
    internal PublicationLogEntry Unpublish(string actor, DateTime now)
    {
        PublishedVersionNumber = null;
        PublishedDateSortKey = null;
        PublishedAt = null;
        Touch(actor, now);
        Status = ComputeStatus();
        return PublicationLogEntry.Create(Id, PublicationAction.Unpublished, null, actor, now);
    }

    /// <summary>Gives the article a new address; the caller records the old one as a redirect.</summary>
    internal string ChangeSlug(string slug, string actor, DateTime now)
    {
        var old = Slug;
        Slug = slug;
        Touch(actor, now);
        return old;
    }

    /// <summary>Withdraws the article from editing and delivery; unpublishing first is the caller's job.</summary>
    internal void Archive(string actor, DateTime now)
    {
        Status = ArticleStatus.Archived;
        Touch(actor, now);
    }

    internal void Delete(string actor, DateTime now)
    {
        DeletedAt = now;
        Touch(actor, now);
    }

    /// <summary>Records who last changed the article row, and when.</summary>
    private void Touch(string actor, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = actor;
    }

    private ArticleStatus ComputeStatus() => Status == ArticleStatus.Archived
        ? ArticleStatus.Archived
        : PublishedVersionNumber switch
        {
            null => ArticleStatus.Draft,
            var published when published == LatestVersionNumber => ArticleStatus.Published,
            _ => ArticleStatus.PublishedWithDraft,
        };
}

using Cms.Model.Articles;
using Cms.Model.Events;
using Cms.Model.Media;
using Cms.Model.Outcomes;
using Cms.Model.Persistence;
using Cms.Model.Search;
using Cms.Model.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Editing;

/// <summary>
/// The editorial commands. Each one validates everything first, then writes in a single SaveChanges (one
/// transaction), so a refused command writes nothing and an accepted one is never half done.
/// </summary>
public sealed class ArticleEditor(CmsDbContext db, TimeProvider clock)
{
    public async Task<EditResult<Article>> CreateAsync(string slug, ArticleContent content, string author, string? changeNote = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        List<ValidationProblem> problems = [.. ArticleValidator.ValidateSlug(slug), .. ArticleValidator.Validate(content, changeNote)];
        if (problems.Count == 0)
        {
            problems = [.. await MediaLibrary.CheckReferencesAsync(db, content.Media, cancellationToken)];
        }

        if (problems.Count > 0)
        {
            return EditResult.Failure<Article>(problems);
        }

        if (await SlugInUseAsync(slug, null, cancellationToken))
        {
            return EditResult.Failure<Article>(new SlugTakenError(slug));
        }

        var (article, firstVersion) = Article.Create(slug, content, author, Now(), changeNote);
        try
        {
            db.Articles.Add(article);
            db.ArticleVersions.Add(firstVersion);
            db.ChangeEvents.Add(ChangeEvent.ForArticle(ChangeEventTypes.ArticleCreated, article.Id, article.Slug, firstVersion.Number, author, firstVersion.CreatedAt));
            await SaveWithTagsAsync(firstVersion, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Articles.AnyAsync(a => a.Slug == slug, cancellationToken))
            {
                throw;
            }

            // Another request took the slug between the check and the insert; the unique index refused ours.
            return EditResult.Failure<Article>(new SlugTakenError(slug));
        }

        return EditResult.Success(article);
    }

    /// <summary>
    /// Saves version N+1 of an article from version N (<paramref name="expectedVersion"/>) plus
    /// <paramref name="changes"/>. When someone else saved first, nothing is written and the conflict says
    /// which version is now the latest.
    /// </summary>
    public async Task<EditResult<ArticleVersion>> SaveVersionAsync(
        Guid articleId,
        int expectedVersion,
        ArticleChanges changes,
        string author,
        string? changeNote = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        var (article, error) = await LoadEditableAsync(articleId, "changed", cancellationToken);
        if (error is not null)
        {
            return EditResult.Failure<ArticleVersion>(error);
        }

        if (article!.LatestVersionNumber != expectedVersion)
        {
            return EditResult.Failure<ArticleVersion>(new VersionConflictError(expectedVersion, article.LatestVersionNumber));
        }

        var basis = (await db.ArticleVersions.Where(v => v.ArticleId == articleId && v.Number == expectedVersion)
            .ToListWithContentAsync(db, VersionParts.All, cancellationToken)).Single();
        var content = changes.ApplyTo(basis.ToContent());
        var problems = ArticleValidator.Validate(content, changeNote);
        if (problems.Count == 0)
        {
            problems = await MediaLibrary.CheckReferencesAsync(db, content.Media, cancellationToken);
        }

        if (problems.Count > 0)
        {
            return EditResult.Failure<ArticleVersion>(problems);
        }

        var next = article.AddVersion(basis, content, author, Now(), changeNote);
        try
        {
            db.ArticleVersions.Add(next);
            db.ChangeEvents.Add(ChangeEvent.ForArticle(ChangeEventTypes.ArticleUpdated, articleId, article.Slug, next.Number, author, next.CreatedAt));
            await SaveWithTagsAsync(next, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The concurrency token (latest version number) or the unique (article, number) index refused the write.
            var current = await CurrentVersionAfterFailureAsync(articleId, cancellationToken);
            if (current == expectedVersion)
            {
                throw;
            }

            return EditResult.Failure<ArticleVersion>(new VersionConflictError(expectedVersion, current));
        }

        return EditResult.Success(next);
    }

    /// <summary>Makes a version (the latest when <paramref name="versionNumber"/> is null) the one readers see, and logs it.</summary>
    public async Task<EditResult<Article>> PublishAsync(Guid articleId, int? versionNumber, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var (article, error) = await LoadEditableAsync(articleId, "published", cancellationToken);
        if (error is not null)
        {
            return EditResult.Failure<Article>(error);
        }

        var number = versionNumber ?? article!.LatestVersionNumber;
        if (number < 1 || number > article!.LatestVersionNumber)
        {
            return EditResult.Failure<Article>(new NotFoundError("Article version", $"{articleId}/{number}"));
        }

        // The version's date key goes to the article (the published list's order), its text to the search index.
        var version = (await db.ArticleVersions.Where(v => v.ArticleId == articleId && v.Number == number)
            .ToListWithContentAsync(db, VersionParts.KeyFacts | VersionParts.Sections | VersionParts.Media, cancellationToken)).Single();

        // Readers must be able to perceive every image of a published version: each needs its alt text first.
        var withoutAltText = await MediaLibrary.ImagesWithoutAltTextAsync(db, [.. version.Media.Select(m => m.AssetId).Distinct()], cancellationToken);
        if (withoutAltText.Count > 0)
        {
            return EditResult.Failure<Article>(new AltTextRequiredError(withoutAltText));
        }

        var now = Now();
        var previous = article.PublishedVersionNumber;
        db.PublicationLog.Add(article.Publish(version, actor, now));
        db.ContentChanges.Add(ContentChange.Create(articleId, ContentChangeKind.Published, now));
        db.ChangeEvents.Add(ChangeEvent.ForArticle(ChangeEventTypes.ArticlePublished, articleId, article.Slug, number, actor, now, previousVersion: previous));
        await SearchIndexing.IndexAsync(db, version, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditResult.Failure<Article>(new VersionConflictError(article.LatestVersionNumber, await CurrentVersionAfterFailureAsync(articleId, cancellationToken)));
        }

        return EditResult.Success(article);
    }

    /// <summary>Sets a version (the latest when null) to be published at <paramref name="at"/>, replacing any pending schedule.</summary>
    public async Task<EditResult<ScheduledPublication>> SchedulePublicationAsync(Guid articleId, int? versionNumber, DateTime at, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var (article, error) = await LoadEditableAsync(articleId, "scheduled", cancellationToken);
        if (error is not null)
        {
            return EditResult.Failure<ScheduledPublication>(error);
        }

        var now = Now();
        if (at.ToUniversalTime() <= now)
        {
            return EditResult.Failure<ScheduledPublication>(new ValidationProblem("at", ValidationCodes.OutOfRange, "A publication can only be scheduled in the future."));
        }

        var number = versionNumber ?? article!.LatestVersionNumber;
        if (number < 1 || number > article!.LatestVersionNumber)
        {
            return EditResult.Failure<ScheduledPublication>(new NotFoundError("Article version", $"{articleId}/{number}"));
        }

        foreach (var pending in await db.ScheduledPublications.Where(s => s.ArticleId == articleId && s.State == ScheduleState.Pending).ToListAsync(cancellationToken))
        {
            pending.Cancel(now);
        }

        var schedule = ScheduledPublication.Create(articleId, number, at.ToUniversalTime(), actor, now);
        db.ScheduledPublications.Add(schedule);
        db.ChangeEvents.Add(ChangeEvent.ForArticle(ChangeEventTypes.ArticleScheduled, articleId, article.Slug, number, actor, now));
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(schedule);
    }

    public async Task<EditResult<Article>> CancelScheduledPublicationAsync(Guid articleId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var (article, error) = await LoadEditableAsync(articleId, "changed", cancellationToken);
        if (error is not null)
        {
            return EditResult.Failure<Article>(error);
        }

        var pending = await db.ScheduledPublications.Where(s => s.ArticleId == articleId && s.State == ScheduleState.Pending).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return EditResult.Failure<Article>(new InvalidStateError("No publication is scheduled for this article."));
        }

        var now = Now();
        pending.ForEach(s => s.Cancel(now));
        db.ChangeEvents.Add(ChangeEvent.ForArticle(ChangeEventTypes.ArticleScheduleCancelled, articleId, article!.Slug, pending[0].VersionNumber, actor, now));
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(article!);
    }

    /// <summary>Takes an article out of delivery and logs it; its versions stay.</summary>
    public async Task<EditResult<Article>> UnpublishAsync(Guid articleId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var (article, error) = await LoadEditableAsync(articleId, "unpublished", cancellationToken);
        if (error is not null)
        {
            return EditResult.Failure<Article>(error);
        }

        if (article!.PublishedVersionNumber is null)
        {
            return EditResult.Failure<Article>(new InvalidStateError("The article is not published."));
        }

        var now = Now();
        Unpublish(article, actor, now);
        await SearchIndexing.RemoveAsync(db, articleId, cancellationToken);
        return await SaveAsync(article, article.LatestVersionNumber, cancellationToken);
    }

    /// <summary>Gives an article a new slug; the old one keeps answering in delivery as a redirect.</summary>
    public async Task<EditResult<Article>> ChangeSlugAsync(Guid articleId, string slug, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = ArticleValidator.ValidateSlug(slug);
        if (problems.Count > 0)
        {
            return EditResult.Failure<Article>(problems);
        }

        var (article, error) = await LoadEditableAsync(articleId, "changed", cancellationToken);
        if (error is not null)
        {
            return EditResult.Failure<Article>(error);
        }

        if (article!.Slug == slug)
        {
            return EditResult.Success(article);
        }

        if (await SlugInUseAsync(slug, articleId, cancellationToken))
        {
            return EditResult.Failure<Article>(new SlugTakenError(slug));
        }

        // Going back to a slug this article used before turns that redirect back into its address.
        var ownRedirect = await db.SlugRedirects.SingleOrDefaultAsync(r => r.OldSlug == slug, cancellationToken);
        if (ownRedirect is not null)
        {
            db.SlugRedirects.Remove(ownRedirect);
        }

        var now = Now();
        var old = article.ChangeSlug(slug, actor, now);
        db.SlugRedirects.Add(SlugRedirect.Create(old, article.Id, now));
        db.ContentChanges.Add(ContentChange.Create(articleId, ContentChangeKind.SlugChanged, now));
        db.ChangeEvents.Add(ChangeEvent.ForArticle(ChangeEventTypes.ArticleSlugChanged, articleId, slug, article.LatestVersionNumber, actor, now, previousSlug: old));
        return await SaveAsync(article, article.LatestVersionNumber, cancellationToken);
    }

    /// <summary>Version N+1 with the content of an earlier version: history is never rewritten, only added to.</summary>
    public async Task<EditResult<ArticleVersion>> RestoreVersionAsync(Guid articleId, int versionNumber, int expectedVersion, string actor, CancellationToken cancellationToken = default)
    {
        var old = (await db.ArticleVersions.Where(v => v.ArticleId == articleId && v.Number == versionNumber)
            .ToListWithContentAsync(db, VersionParts.All, cancellationToken)).SingleOrDefault();
        if (old is null && await db.Articles.AnyAsync(a => a.Id == articleId, cancellationToken))
        {
            return EditResult.Failure<ArticleVersion>(new NotFoundError("Article version", $"{articleId}/{versionNumber}"));
        }

        // When the article itself is missing, the save reports it; there is nothing to copy then.
        var changes = old is null ? new ArticleChanges() : ArticleChanges.ReplacingWith(old.ToContent());
        return await SaveVersionAsync(articleId, expectedVersion, changes, actor, $"Restored version {versionNumber}", cancellationToken);
    }

    /// <summary>Withdraws an article from editing and delivery (unpublishing it first, logged); its history stays.</summary>
    public async Task<EditResult<Article>> ArchiveAsync(Guid articleId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var (article, error) = await LoadEditableAsync(articleId, "archived", cancellationToken);
        if (error is not null)
        {
            return EditResult.Failure<Article>(error);
        }

        var now = Now();
        if (article!.PublishedVersionNumber is not null)
        {
            Unpublish(article, actor, now);
            await SearchIndexing.RemoveAsync(db, articleId, cancellationToken);
        }

        article.Archive(actor, now);
        db.ChangeEvents.Add(ChangeEvent.ForArticle(ChangeEventTypes.ArticleArchived, articleId, article.Slug, article.LatestVersionNumber, actor, now));
        return await SaveAsync(article, article.LatestVersionNumber, cancellationToken);
    }

    /// <summary>Deletes softly: the article disappears everywhere but stays in the database until purged.</summary>
    public async Task<EditResult<Article>> DeleteAsync(Guid articleId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null || article.IsDeleted)
        {
            return EditResult.Failure<Article>(new NotFoundError("Article", articleId.ToString()));
        }

        var now = Now();
        if (article.PublishedVersionNumber is not null)
        {
            Unpublish(article, actor, now);
            await SearchIndexing.RemoveAsync(db, articleId, cancellationToken);
        }

        article.Delete(actor, now);
        db.ChangeEvents.Add(ChangeEvent.ForArticle(ChangeEventTypes.ArticleDeleted, articleId, article.Slug, article.LatestVersionNumber, actor, now));
        return await SaveAsync(article, article.LatestVersionNumber, cancellationToken);
    }

    /// <summary>Removes an article and its whole history for good. Refused while it is published.</summary>
    public async Task<EditResult<Article>> PurgeAsync(Guid articleId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return EditResult.Failure<Article>(new NotFoundError("Article", articleId.ToString()));
        }

        if (article.PublishedVersionNumber is not null)
        {
            return EditResult.Failure<Article>(new InvalidStateError("A published article cannot be purged; unpublish or delete it first."));
        }

        // Versions, their lists, the publication log and redirects go with it (foreign keys cascade). A deleted article was
        // announced when it was deleted; one purged straight away is announced now, in the same transaction.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var purged = await db.Articles.Where(a => a.Id == articleId && a.PublishedVersionNumber == null).ExecuteDeleteAsync(cancellationToken);
            if (purged == 1 && !article.IsDeleted)
            {
                db.ChangeEvents.Add(ChangeEvent.ForArticle(ChangeEventTypes.ArticleDeleted, articleId, article.Slug, article.LatestVersionNumber, actor, Now()));
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });
        return EditResult.Success(article);
    }

    /// <summary>Takes a published article out of delivery: logged, recorded for caches, announced to receivers.</summary>
    private void Unpublish(Article article, string actor, DateTime now)
    {
        var previous = article.PublishedVersionNumber;
        db.PublicationLog.Add(article.Unpublish(actor, now));
        db.ContentChanges.Add(ContentChange.Create(article.Id, ContentChangeKind.Unpublished, now));
        db.ChangeEvents.Add(ChangeEvent.ForArticle(ChangeEventTypes.ArticleUnpublished, article.Id, article.Slug, previous, actor, now, previousVersion: previous));
    }

    private async Task<(Article? Article, EditError? Error)> LoadEditableAsync(Guid articleId, string verb, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        return article switch
        {
            null => (null, new NotFoundError("Article", articleId.ToString())),
            { IsDeleted: true } => (null, new InvalidStateError($"A deleted article cannot be {verb}.")),
            { Status: ArticleStatus.Archived } => (null, new InvalidStateError($"An archived article cannot be {verb}.")),
            _ => (article, null),
        };
    }

    /// <summary>True when another article has the slug, or keeps it as a redirect.</summary>
    private async Task<bool> SlugInUseAsync(string slug, Guid? exceptArticle, CancellationToken cancellationToken) =>
        await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != exceptArticle, cancellationToken) ||
        await db.SlugRedirects.AnyAsync(r => r.OldSlug == slug && r.ArticleId != exceptArticle, cancellationToken);

    private async Task<EditResult<Article>> SaveAsync(Article article, int expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EditResult.Success(article);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditResult.Failure<Article>(new VersionConflictError(expectedVersion, await CurrentVersionAfterFailureAsync(article.Id, cancellationToken)));
        }
    }

    /// <summary>
    /// Saves the tracked changes with the tags <paramref name="version"/> is the first to use. Two editors introducing one
    /// tag at once race on its slug: the loser's insert is refused by the key, and its save is made once more with the
    /// winner's tag in place, so neither sees an error for it. (A failed save leaves every entry as it was.)
    /// </summary>
    private async Task SaveWithTagsAsync(ArticleVersion version, CancellationToken cancellationToken)
    {
        var slugs = version.Tags.Select(t => t.Slug).ToList();
        List<string> known = slugs.Count == 0 ? [] : await KnownTagsAsync(slugs, cancellationToken);
        var added = version.Tags.Where(t => !known.Contains(t.Slug)).Select(t => TagDefinition.From(t, version.CreatedAt)).ToList();
        db.Tags.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (added.Count > 0)
        {
            var madeMeanwhile = await KnownTagsAsync([.. added.Select(t => t.Slug)], cancellationToken);
            if (madeMeanwhile.Count == 0)
            {
                throw;
            }

            foreach (var tag in added.Where(t => madeMeanwhile.Contains(t.Slug)))
            {
                db.Entry(tag).State = EntityState.Detached;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<List<string>> KnownTagsAsync(List<string> slugs, CancellationToken cancellationToken) =>
        await db.Tags.AsNoTracking().Where(t => slugs.Contains(t.Slug)).Select(t => t.Slug).ToListAsync(cancellationToken);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private async Task<int> CurrentVersionAfterFailureAsync(Guid articleId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Articles.Where(a => a.Id == articleId).Select(a => a.LatestVersionNumber).SingleAsync(cancellationToken);
    }
}

using Cms.Model.Articles;
using Cms.Model.Persistence;
using Cms.Model.Validation;
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
        if (problems.Count > 0)
        {
            return EditResult.Failure<Article>(problems);
        }

        if (await db.Articles.AnyAsync(a => a.Slug == slug, cancellationToken))
        {
            return EditResult.Failure<Article>(new SlugTakenError(slug));
        }

        var (article, firstVersion) = Article.Create(slug, content, author, Now(), changeNote);
        db.Articles.Add(article);
        db.ArticleVersions.Add(firstVersion);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
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
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return EditResult.Failure<ArticleVersion>(new NotFoundError("Article", articleId.ToString()));
        }

        if (article.Status == ArticleStatus.Archived)
        {
            return EditResult.Failure<ArticleVersion>(new InvalidStateError("An archived article cannot be changed."));
        }

        if (article.LatestVersionNumber != expectedVersion)
        {
            return EditResult.Failure<ArticleVersion>(new VersionConflictError(expectedVersion, article.LatestVersionNumber));
        }

        var basis = await db.ArticleVersions.AsNoTracking()
            .WithAllContent()
            .SingleAsync(v => v.ArticleId == articleId && v.Number == expectedVersion, cancellationToken);
        var content = changes.ApplyTo(basis.ToContent());
        var problems = ArticleValidator.Validate(content, changeNote);
        if (problems.Count > 0)
        {
            return EditResult.Failure<ArticleVersion>(problems);
        }

        var next = article.AddVersion(basis, content, author, Now(), changeNote);
        db.ArticleVersions.Add(next);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
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
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return EditResult.Failure<Article>(new NotFoundError("Article", articleId.ToString()));
        }

        if (article.Status == ArticleStatus.Archived)
        {
            return EditResult.Failure<Article>(new InvalidStateError("An archived article cannot be published."));
        }

        var number = versionNumber ?? article.LatestVersionNumber;
        if (number < 1 || number > article.LatestVersionNumber)
        {
            return EditResult.Failure<Article>(new NotFoundError("Article version", $"{articleId}/{number}"));
        }

        db.PublicationLog.Add(article.Publish(number, actor, Now()));
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

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private async Task<int> CurrentVersionAfterFailureAsync(Guid articleId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Articles.Where(a => a.Id == articleId).Select(a => a.LatestVersionNumber).SingleAsync(cancellationToken);
    }
}

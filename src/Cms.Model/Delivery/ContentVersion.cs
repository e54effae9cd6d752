using Cms.Model.Persistence;

namespace Cms.Model.Delivery;

/// <summary>
/// The version of published content: the id of the newest content change (publish, unpublish, slug change), which each
/// such change writes in its own transaction. 0 before any change.
/// </summary>
public static class ContentVersion
{
    /// <summary>The newest change's id, read from the primary key's end: one short index read on every provider.</summary>
    public static IQueryable<long> Latest(CmsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ContentChanges.OrderByDescending(c => c.Id).Select(c => c.Id).Take(1);
    }
}

using Cms.Model.Articles;
using Cms.Model.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Delivery;

/// <summary>One line of an article's history.</summary>
public sealed record VersionHistoryEntry(ArticleVersion Version, bool EverPublished);

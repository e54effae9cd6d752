namespace Cms.Model.Editing;

/// <summary>Someone else who has the article open, as another editor is told.</summary>
public sealed record ArticleVisitor(string Actor, DateTime OpenedAt, DateTime SeenAt);

namespace Cms.Model.Delivery;

/// <summary>
/// A page request: which articles (<c>Stage</c>, <c>Filter</c>), in which <c>Order</c>, how many (<c>Size</c>), and from
/// where: <c>Position</c> holds the sort values of the row the page starts after (or, <c>Backward</c>, before), null
/// for an end of the list.
/// </summary>
public sealed record ArticleListRequest(
    ArticleStage Stage,
    ArticleFilter? Filter,
    IReadOnlyList<ArticleSort> Order,
    int Size,
    bool Backward = false,
    IReadOnlyList<object>? Position = null);

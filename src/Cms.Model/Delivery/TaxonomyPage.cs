namespace Cms.Model.Delivery;

/// <summary>A page of a taxonomy list: what it starts after (the previous page's last item), its size and its order.</summary>
public sealed record TaxonomyPage<T>(TaxonomyOrder Order, bool Descending, int Size, T? After)
    where T : class;

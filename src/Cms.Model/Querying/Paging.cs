namespace Cms.Model.Querying;

/// <summary>Page sizes of every paged read, so that every list a client pages through has the same bounds.</summary>
public static class Paging
{
    /// <summary>The page size when the client gives none.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page a client may ask for.</summary>
    public const int MaxPageSize = 100;
}

using Cms.Model.Delivery;

namespace Cms.Model.Tests.Infrastructure;

/// <summary>Version caches for tests: off (every read goes to the database), or new and empty.</summary>
public static class VersionCaches
{
    public static VersionCache Off() => new(new VersionCacheOptions { MaxBytes = 0 });

    public static VersionCache Fresh() => new(new VersionCacheOptions());
}

namespace Cms.Benchmarks.Harness;

/// <summary>What the load generator sends: wrk's Lua script, and the same request for the smoke run's in-process loop.</summary>
internal sealed record RequestLoad(string Lua, string? Body, string? IfNoneMatch)
{
    /// <summary>POSTs <paramref name="body"/> as JSON.</summary>
    public static RequestLoad Post(string body) =>
        new($"wrk.method = \"POST\"\nwrk.body = [[{body}]]\nwrk.headers[\"Content-Type\"] = \"application/json\"\n", body, null);

    /// <summary>GETs the path, with <c>If-None-Match</c> when an ETag is given.</summary>
    public static RequestLoad Get(string? etag) =>
        new(etag is null ? "wrk.method = \"GET\"\n" : $"wrk.method = \"GET\"\nwrk.headers[\"If-None-Match\"] = [[{etag}]]\n", null, etag);
}

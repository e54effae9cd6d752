namespace Cms.Api.Transport;

/// <summary>An error that needs response headers of its own, such as Retry-After or WWW-Authenticate.</summary>
public interface IHasResponseHeaders
{
    IReadOnlyDictionary<string, string> Headers { get; }
}

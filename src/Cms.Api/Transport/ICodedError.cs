namespace Cms.Api.Transport;

/// <summary>An error with a code of this API's own and, where the HTTP status does not depend on the response media type, that status.</summary>
public interface ICodedError
{
    string ErrorCode { get; }

    /// <summary>The HTTP status this error forces, or null when it is an ordinary request error (400 or 200, by media type).</summary>
    int? StatusCode { get; }
}

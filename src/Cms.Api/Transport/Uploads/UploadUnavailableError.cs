using GraphQL;

namespace Cms.Api.Transport.Uploads;

/// <summary>Thrown when a mapped file is not in the request, or was passed over because a later file was opened first.</summary>
public sealed class UploadUnavailableError(string message) : ExecutionError(message), ICodedError
{
    public string ErrorCode => TransportErrors.Codes.UploadFileMissing;

    public int? StatusCode => StatusCodes.Status400BadRequest;
}

using GraphQL;

namespace Cms.Api.Transport.Uploads;

/// <summary>Thrown while reading a file past the size limit; a resolver that lets it escape answers with its code.</summary>
public sealed class UploadTooLargeError(long maxBytes)
    : ExecutionError($"The file is larger than {maxBytes} bytes."), ICodedError
{
    public string ErrorCode => TransportErrors.Codes.UploadTooLarge;

    public int? StatusCode => StatusCodes.Status413PayloadTooLarge;
}

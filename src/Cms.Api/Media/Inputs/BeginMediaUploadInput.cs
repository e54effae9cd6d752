using GraphQL.Types;

namespace Cms.Api.Media;

public sealed record BeginMediaUploadInput(string? FileName, string ContentType, long ByteSize, string? Sha256);

public sealed class BeginMediaUploadInputGraphType : InputObjectGraphType<BeginMediaUploadInput>
{
    public BeginMediaUploadInputGraphType()
    {
        Name = "BeginMediaUploadInput";
        Field<StringGraphType>("fileName");
        Field<NonNullGraphType<StringGraphType>>("contentType").Description("What the file is; its bytes must turn out to be this.");
        Field<NonNullGraphType<LongGraphType>>("byteSize").Description("Exactly how many bytes will be uploaded.");
        Field<StringGraphType>("sha256").Description("Optional: the SHA-256 the bytes must hash to (lowercase hex).");
    }
}

using Cms.Api.Transport.Uploads;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Cms.Api.SchemaCore;

/// <summary>
/// The <c>Upload</c> scalar of the GraphQL multipart request specification. It only ever comes from a variable that the
/// multipart map filled with a file; it cannot be written inline or sent back.
/// </summary>
public sealed class UploadGraphType : ScalarGraphType
{
    public UploadGraphType()
    {
        Name = "Upload";
        Description = "A file sent as part of a GraphQL multipart request; only usable through a variable.";
    }

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        FileUpload upload => upload,
        UploadedFile file => new FileUpload(file),
        _ => ThrowValueConversionError(value),
    };

    public override bool CanParseValue(object? value) => value is null or UploadedFile or FileUpload;

    public override object? ParseLiteral(GraphQLValue value) => value is GraphQLNullValue ? null : ThrowLiteralConversionError(value);

    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLNullValue;

    public override object? Serialize(object? value) => throw new InvalidOperationException("An Upload cannot be part of a response.");
}

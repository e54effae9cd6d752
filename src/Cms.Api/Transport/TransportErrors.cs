using GraphQLParser.Exceptions;

namespace Cms.Api.Transport;

/// <summary>The catalogue of transport errors: one factory per situation, each with a stable code.</summary>
public static class TransportErrors
{
    public static TransportError UnsupportedMediaType() => new(
        "Send the request as application/json (UTF-8), or as multipart/form-data for uploads.", Codes.InvalidContentType, StatusCodes.Status415UnsupportedMediaType);

    public static TransportError NotAcceptable() => new(
        "The Accept header allows neither application/graphql-response+json nor application/json.", Codes.NotAcceptable, StatusCodes.Status406NotAcceptable);

    public static TransportError MethodNotAllowed() => new(
        "Use POST, or GET for queries.", Codes.MethodNotAllowed, StatusCodes.Status405MethodNotAllowed);

    public static TransportError RequestTooLarge(long maxBytes) => new(
        $"The request body is larger than {maxBytes} bytes.", Codes.RequestTooLarge, StatusCodes.Status413PayloadTooLarge);

    public static TransportError InvalidJson(string detail) => new(
        $"The request body is not a valid GraphQL request in JSON: {detail}", Codes.JsonInvalid, StatusCodes.Status400BadRequest);

    public static TransportError InvalidParameter(string name, string detail) => new(
        $"The '{name}' parameter is invalid: {detail}", Codes.InvalidParameter, StatusCodes.Status400BadRequest);

    public static TransportError QueryMissing() => new(
        "The request has no query.", Codes.QueryMissing, StatusCodes.Status400BadRequest);

    public static TransportError StreamingTransportRequired() => new(
        "Subscriptions are served over WebSocket (graphql-transport-ws) or Server-Sent Events (Accept: text/event-stream), not plain HTTP.",
        Codes.StreamingTransportRequired, StatusCodes.Status400BadRequest);

    public static TransportError TooManyConnections(int limit) => new(
        $"At most {limit} streaming connections may be open per caller.", Codes.TooManyConnections, StatusCodes.Status429TooManyRequests);

    public static TransportError SlowConsumer(int limit) => new(
        $"The client read slower than its events arrived ({limit} were waiting); the stream was closed.", Codes.SlowConsumer);

    public static TransportError PreflightRequired() => new(
        "This request needs a GraphQL-Preflight header (or a non-simple Content-Type) to prove it does not come from a cross-site form.",
        Codes.PreflightRequired, StatusCodes.Status400BadRequest);

    /// <summary>
    /// A syntax error, with the parser's description and location but not the parser's exception, so that
    /// not even Development's exception details show the parser's stack to a client.
    /// </summary>
    public static TransportError SyntaxError(GraphQLSyntaxErrorException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = new TransportError($"Syntax error: {exception.Description}", Codes.ParseFailed);
        error.AddLocation(exception.Location);
        return error;
    }

    /// <summary>A document the parser failed on without a syntax error to report (a fault of the parser, caused by the text).</summary>
    public static TransportError Unparsable() => new("The document could not be parsed as GraphQL.", Codes.ParseFailed);

    public static TransportError QueryTooLong(int max) => new($"The query is longer than {max} characters.", Codes.QueryTooLong);

    public static TransportError TooManyTokens(int max) => new($"The query has more than {max} tokens.", Codes.TooManyTokens);

    public static TransportError ParserDepthExceeded(int max) => new($"The query nests deeper than {max} levels.", Codes.ParserDepthExceeded);

    public static TransportError QueryTooDeep(int depth, int max) => new($"The operation selects fields {depth} levels deep; at most {max} are allowed.", Codes.QueryTooDeep);

    public static TransportError TooManyAliases(int max) => new($"The query uses more than {max} aliases.", Codes.TooManyAliases);

    public static TransportError TooManyRootFields(int count, int max) => new($"The operation selects {count} root fields; at most {max} are allowed.", Codes.TooManyRootFields);

    public static TransportError TooManyIntrospectionFields(int count, int max) => new(
        $"The operation selects __schema or __type {count} times; at most {max} are allowed.", Codes.TooManyIntrospectionFields);

    public static TransportError IntrospectionTooDeep(string detail) => new($"The introspection query is too deep: {detail}", Codes.IntrospectionTooDeep);

    public static TransportError SdlUnavailable() => new(
        "The schema is not published here: introspection is off (GraphQL:EnableIntrospection).", Codes.IntrospectionDisabled, StatusCodes.Status404NotFound);

    public static TransportError VariablesTooLarge(int max) => new($"The variables are larger than {max} bytes.", Codes.VariablesTooLarge);

    public static TransportError PersistedQueryNotFound() => new("PersistedQueryNotFound", Codes.PersistedQueryNotFound);

    public static TransportError PersistedQueryNotSupported() => new("PersistedQueryNotSupported", Codes.PersistedQueryNotSupported);

    public static TransportError PersistedQueryHashMismatch() => new(
        "The query does not match extensions.persistedQuery.sha256Hash.", Codes.PersistedQueryHashMismatch, StatusCodes.Status400BadRequest);

    public static TransportError PersistedQueryInvalid(string detail) => new(
        $"extensions.persistedQuery is invalid: {detail}", Codes.PersistedQueryInvalid, StatusCodes.Status400BadRequest);

    public static TransportError DocumentIdInvalid() => new(
        "documentId is invalid: it must be \"sha256:\" followed by 64 lowercase hexadecimal digits.", Codes.PersistedQueryInvalid, StatusCodes.Status400BadRequest);

    public static TransportError TrustedDocumentRequired() => new(
        "Only trusted documents run on this server: send the id of a document from the allow-list.", Codes.TrustedDocumentRequired, StatusCodes.Status400BadRequest);

    public static TransportError InvalidUpload(string detail) => new($"The multipart request is invalid: {detail}", Codes.UploadInvalid, StatusCodes.Status400BadRequest);

    public static TransportError TooManyFiles(int max) => new($"The request carries more than {max} files.", Codes.UploadTooManyFiles, StatusCodes.Status413PayloadTooLarge);

    public static class Codes
    {
        public const string InvalidContentType = "INVALID_CONTENT_TYPE";
        public const string NotAcceptable = "NOT_ACCEPTABLE";
        public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
        public const string RequestTooLarge = "REQUEST_TOO_LARGE";
        public const string JsonInvalid = "JSON_INVALID";
        public const string InvalidParameter = "INVALID_PARAMETER";
        public const string QueryMissing = "QUERY_MISSING";
        public const string PreflightRequired = "CSRF_PREFLIGHT_REQUIRED";
        public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
        public const string InternalServerError = "INTERNAL_SERVER_ERROR";
        public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";
        public const string TooManyConnections = "TOO_MANY_CONNECTIONS";
        public const string SlowConsumer = "SLOW_CONSUMER";
        public const string StreamingTransportRequired = "STREAMING_TRANSPORT_REQUIRED";
        public const string QueryTooLong = "QUERY_TOO_LONG";
        public const string TooManyTokens = "TOO_MANY_TOKENS";
        public const string ParserDepthExceeded = "PARSER_DEPTH_EXCEEDED";
        public const string QueryTooDeep = "QUERY_TOO_DEEP";
        public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
        public const string TooManyAliases = "TOO_MANY_ALIASES";
        public const string TooManyRootFields = "TOO_MANY_ROOT_FIELDS";
        public const string VariablesTooLarge = "VARIABLES_TOO_LARGE";
        public const string TooManyIntrospectionFields = "TOO_MANY_INTROSPECTION_FIELDS";
        public const string IntrospectionTooDeep = "INTROSPECTION_TOO_DEEP";
        public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
        public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
        public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
        public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
        public const string PersistedQueryInvalid = "PERSISTED_QUERY_INVALID";
        public const string TrustedDocumentRequired = "TRUSTED_DOCUMENT_REQUIRED";
        public const string UploadInvalid = "UPLOAD_INVALID";
        public const string UploadTooManyFiles = "UPLOAD_TOO_MANY_FILES";
        public const string UploadTooLarge = "UPLOAD_TOO_LARGE";
        public const string UploadFileMissing = "UPLOAD_FILE_MISSING";
    }
}

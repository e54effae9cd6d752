using GraphQL;

namespace Cms.Api.Transport;

/// <summary>What an operation came to on a streaming transport: one result (queries, mutations, refusals) or a stream of them.</summary>
public sealed record StreamingResult(ExecutionResult? Result, IObservable<ExecutionResult>? Stream, bool Refused);

using GraphQL;

namespace Cms.Api.Transport;

/// <summary>
/// What an operation came to on a streaming transport: one result (queries, mutations, refusals) or a stream of them.
/// <paramref name="StreamUsesCancellation"/>: the stream's execution runs on the cancellation the caller passed, which must
/// then stay alive as long as the stream (false for a shared execution, which has a cancellation of its own).
/// </summary>
public sealed record StreamingResult(ExecutionResult? Result, IObservable<ExecutionResult>? Stream, bool Refused, bool StreamUsesCancellation = false);

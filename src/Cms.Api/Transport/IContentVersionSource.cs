namespace Cms.Api.Transport;

/// <summary>
/// Tells the transport which version of the application's content its answers reflect. Every change that can alter an
/// answer any anonymous caller may get must raise it, in the same transaction as the change, in storage that every
/// instance reads, so that each instance's response cache can drop what a change anywhere made stale.
/// </summary>
public interface IContentVersionSource
{
    ValueTask<long> GetCurrentAsync(CancellationToken cancellationToken);
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Api.Subscriptions;

/// <summary>
/// Wakes this instance's <see cref="ChangeFeedPoller"/> as soon as a write commits here, so local subscribers hear of a
/// change without waiting out the poll interval. Only a hint: the poller still reads the events from the table (changes
/// made on other instances arrive by the interval, as before); a commit without outbox rows costs one indexed read, and a
/// lost wake-up one interval. It does not look for the outbox rows itself, which would mean a second scan of the change
/// tracker on every save.
/// </summary>
public sealed class ChangeFeedWakeUp : SaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Dispose() => _signal.Dispose();

    /// <summary>Completes when a write committed since the last wait, or when the timeout passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _signal.WaitAsync(timeout, cancellationToken);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommittedWithoutTransaction(eventData.Context, result);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommittedWithoutTransaction(eventData.Context, result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wake();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wake();
        return Task.CompletedTask;
    }

    private void CommittedWithoutTransaction(DbContext? context, int written)
    {
        // Inside a transaction the rows are not visible yet; its commit wakes the reader.
        if (written > 0 && context?.Database.CurrentTransaction is null)
        {
            Wake();
        }
    }

    private void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one read takes every commit since the last.
        }
        catch (ObjectDisposedException)
        {
            // The app is stopping.
        }
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using Cms.Model.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Api.Subscriptions;

/// <summary>
/// Wakes this instance's <see cref="ChangeFeedPoller"/> as soon as a write that added outbox events commits here, so
/// local subscribers hear of a change without waiting out the poll interval. Only a hint: the poller still reads the
/// events from the table (changes made on other instances arrive by the interval, as before), and a lost wake-up costs
/// one interval. Commits without events (the webhook dispatcher's bookkeeping, presence, a key's last use) wake nothing:
/// each wake-up is a read of the outbox.
/// </summary>
public sealed class ChangeFeedWakeUp : SaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    // Saves and transactions that wrote events, until they commit; forgotten with them if they never do.
    private readonly ConditionalWeakTable<DbContext, object> _savingEvents = [];
    private readonly ConditionalWeakTable<DbTransaction, object> _transactionsWithEvents = [];

    public void Dispose() => _signal.Dispose();

    /// <summary>True when an outbox write committed since the last wait; false when the timeout passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteEvents(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _savingEvents.Remove(context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_transactionsWithEvents.Remove(transaction))
        {
            Wake();
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    private void NoteEvents(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // Events are only ever added, and an added entity is tracked as such at once: no change detection needed, so
        // looking costs a walk over the tracked entries, not a comparison of their values.
        var tracker = context.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (tracker.Entries<ChangeEvent>().Any(entry => entry.State == EntityState.Added))
            {
                _savingEvents.AddOrUpdate(context, context);
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_savingEvents.Remove(context))
        {
            return;
        }

        // Inside a transaction the rows are not visible yet; its commit wakes the reader.
        if (context.Database.CurrentTransaction is { } transaction)
        {
            _transactionsWithEvents.AddOrUpdate(transaction.GetDbTransaction(), transaction);
        }
        else
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

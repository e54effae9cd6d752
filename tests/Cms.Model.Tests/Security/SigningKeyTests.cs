using Cms.Model.Security;
using Cms.Model.Tests.Infrastructure;

namespace Cms.Model.Tests.Security;

public sealed class SigningKeyTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_purpose_gets_one_random_key_that_every_context_on_the_database_reads_back()
    {
        var now = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();

        var made = await SigningKey.GetOrCreateAsync(first, "cursors", now);
        var readBack = await SigningKey.GetOrCreateAsync(second, "cursors", now);
        var other = await SigningKey.GetOrCreateAsync(second, "previews", now);

        Assert.Equal(SigningKey.KeyBytes, made.Length);
        Assert.Equal(made, readBack);
        Assert.NotEqual(made, other);
    }

    [Fact]
    public async Task Two_instances_making_the_key_at_once_agree_on_one()
    {
        var now = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
        var contexts = Enumerable.Range(0, 4).Select(_ => _database.CreateContext()).ToList();

        var keys = await Task.WhenAll(contexts.Select(db => SigningKey.GetOrCreateAsync(db, "race", now)));

        Assert.All(keys, key => Assert.Equal(keys[0], key));
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
    }
}

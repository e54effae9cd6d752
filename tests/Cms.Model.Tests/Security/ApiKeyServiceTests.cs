using Cms.Model.Outcomes;
using Cms.Model.Security;
using Cms.Model.Tests.Infrastructure;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Tests.Security;

public sealed class ApiKeyServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_new_key_is_returned_once_in_plain_text_and_stored_only_as_a_hash()
    {
        var (key, secret, errors) = await CreateAsync("preview", Role.Viewer);

        Assert.Empty(errors);
        Assert.StartsWith($"cmsk_{key!.PublicId}_", secret, StringComparison.Ordinal);
        Assert.True(secret!.Length is > 50 and <= ApiKey.MaxKeyLength);
        await using var db = _database.CreateContext();
        var stored = await db.ApiKeys.SingleAsync();
        Assert.Equal(64, stored.SecretHash.Length);
        Assert.DoesNotContain(secret[(ApiKey.Prefix.Length + ApiKey.PublicIdLength + 1)..], stored.SecretHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_authenticates_and_records_when_it_was_last_used_at_most_once_a_minute()
    {
        var (key, secret, _) = await CreateAsync("script", Role.Editor);

        var first = await AuthenticateAsync(secret);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await AuthenticateAsync(secret);
        var afterHalfAMinute = await LastUsedAsync(key!.Id);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await AuthenticateAsync(secret);

        Assert.Equal((key.Id, Role.Editor), (first!.Id, first.Role));
        Assert.Equal(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc), afterHalfAMinute);
        Assert.Equal(new DateTime(2026, 11, 25, 12, 2, 30, DateTimeKind.Utc), await LastUsedAsync(key.Id));
    }

    [Fact]
    public async Task Wrong_unknown_malformed_revoked_and_expired_keys_all_fail_alike()
    {
        var (_, secret, _) = await CreateAsync("good", Role.Admin);
        var (revokedKey, revoked, _) = await CreateAsync("revoked", Role.Admin);
        var (_, expiring, _) = await CreateAsync("expiring", Role.Admin, _clock.GetUtcNow().UtcDateTime.AddHours(1));
        await using (var db = _database.CreateContext())
        {
            await new ApiKeyService(db, _clock).RevokeAsync(revokedKey!.PublicId);
        }

        _clock.Advance(TimeSpan.FromHours(2));

        Assert.NotNull(await AuthenticateAsync(secret));
        Assert.Null(await AuthenticateAsync(secret![..^1] + (secret[^1] == 'a' ? 'b' : 'a')));
        Assert.Null(await AuthenticateAsync("cmsk_000000000000_" + new string('x', 43)));
        Assert.Null(await AuthenticateAsync("not a key"));
        Assert.Null(await AuthenticateAsync(secret + new string('x', 100)));
        Assert.Null(await AuthenticateAsync(revoked));
        Assert.Null(await AuthenticateAsync(expiring));
    }

    [Fact]
    public async Task Invalid_requests_report_every_problem_and_create_nothing()
    {
        var (key, secret, errors) = await CreateAsync(new string('n', ApiKey.MaxNameLength + 1), (Role)42, _clock.GetUtcNow().UtcDateTime.AddDays(-1));

        Assert.Null(key);
        Assert.Null(secret);
        Assert.Equal(["name", "role", "expiresAt"], errors.Cast<ValidationProblem>().Select(p => p.Field));
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.ApiKeys.CountAsync());
    }

    [Theory]
    [InlineData("viewer", Role.Viewer)]
    [InlineData("Publisher", Role.Publisher)]
    [InlineData(" ADMIN ", Role.Admin)]
    public void Role_names_parse_case_insensitively(string name, Role expected)
    {
        Assert.True(Roles.TryParse(name, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("root")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_role(string? name) => Assert.False(Roles.TryParse(name, out _));

    [Fact]
    public void Roles_are_ordered() => Assert.True(Role.Viewer < Role.Editor && Role.Editor < Role.Publisher && Role.Publisher < Role.Admin);

    private async Task<(ApiKey? Key, string? Secret, IReadOnlyList<Cms.Model.Outcomes.EditError> Errors)> CreateAsync(string name, Role role, DateTime? expiresAt = null)
    {
        await using var db = _database.CreateContext();
        var created = await new ApiKeyService(db, _clock).CreateAsync(name, role, expiresAt, "tests");
        return (created.Value?.Key, created.Value?.Secret, created.Errors);
    }

    private async Task<ApiKey?> AuthenticateAsync(string? presented)
    {
        await using var db = _database.CreateContext();
        return await new ApiKeyService(db, _clock).AuthenticateAsync(presented);
    }

    private async Task<DateTime?> LastUsedAsync(Guid id)
    {
        await using var db = _database.CreateContext();
        return await db.ApiKeys.Where(k => k.Id == id).Select(k => k.LastUsedAt).SingleAsync();
    }
}

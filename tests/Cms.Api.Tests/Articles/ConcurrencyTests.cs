using Cms.Api.Tests.Infrastructure;
using Cms.Model.Persistence;
using Cms.Model.Security;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Articles;

/// <summary>Concurrent editors over HTTP, and two API instances sharing one database for scheduled publishing.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Twenty_editors_saving_on_the_same_version_over_http_produce_exactly_one_new_version()
    {
        using var api = new CmsApiFactory();
        var key = await api.CreateApiKeyAsync(Role.Editor);
        using var reader = api.CreateClient();
        reader.DefaultRequestHeaders.Add("X-Api-Key", key);
        var article = (await GraphQLHttp.PostAsync(reader, new { query = "{ article(slug: \"magna-carta-sealed\", stage: DRAFT) { id latestVersionNumber } }" })).Body!["data"]!["article"]!;
        var (id, expected) = (article["id"]!.GetValue<string>(), article["latestVersionNumber"]!.GetValue<int>());

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async writer =>
        {
            using var client = api.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            var response = await GraphQLHttp.PostAsync(client, new
            {
                query = "mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { latestVersionNumber } errors { __typename } } }",
                variables = new { input = new { id, expectedVersion = expected, title = $"Writer {writer}" } },
            });
            return response.Body!["data"]!["updateArticle"]!;
        }));

        var successes = results.Count(r => r["article"] is not null);
        var conflicts = results.Count(r => r["errors"]!.AsArray().Any(e => e!["__typename"]!.GetValue<string>() == "VersionConflictError"));
        Assert.Equal((1, 19), (successes, conflicts));
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var numbers = await db.ArticleVersions.Where(v => db.Articles.Any(a => a.Id == v.ArticleId && a.Slug == "magna-carta-sealed")).Select(v => v.Number).OrderBy(n => n).ToListAsync();
        Assert.Equal(Enumerable.Range(1, expected + 1), numbers);
    }

    [Fact]
    public async Task Two_api_instances_on_one_database_publish_a_due_schedule_exactly_once()
    {
        var database = Path.Combine(Path.GetTempPath(), $"cms-two-instances-{Guid.NewGuid():N}.db");
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var first = CmsApiFactory.OnDatabase(database).WithServices(s => s.AddSingleton<TimeProvider>(clock)).WithSetting("Scheduling:PollInterval", "00:00:00.100");
        using var second = CmsApiFactory.OnDatabase(database).WithServices(s => s.AddSingleton<TimeProvider>(clock)).WithSetting("Scheduling:PollInterval", "00:00:00.100");
        first.DeleteDatabaseOnDispose = false;
        using var publisher = first.CreateClient();
        publisher.DefaultRequestHeaders.Add("X-Api-Key", await first.CreateApiKeyAsync(Role.Publisher));
        using var secondClient = second.CreateClient();
        var id = (await GraphQLHttp.PostAsync(publisher, new { query = "{ article(slug: \"peace-of-westphalia\", stage: DRAFT) { id } }" })).Body!["data"]!["article"]!["id"]!.GetValue<string>();
        await GraphQLHttp.PostAsync(publisher, new { query = $"mutation {{ schedulePublication(input: {{ id: \"{id}\", at: \"{clock.GetUtcNow().AddMinutes(1):O}\" }}) {{ errors {{ __typename }} }} }}" });

        clock.Advance(TimeSpan.FromMinutes(5));
        var published = false;
        for (var attempt = 0; attempt < 50 && !published; attempt++)
        {
            await Task.Delay(100);
            published = (await GraphQLHttp.PostAsync(secondClient, new { query = "{ article(slug: \"peace-of-westphalia\") { slug } }" })).Body!["data"]!["article"] is not null;
        }

        // Give both instances several more polling rounds to run it again, if they were going to.
        await Task.Delay(500);
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var articleId = await db.Articles.Where(a => a.Slug == "peace-of-westphalia").Select(a => a.Id).SingleAsync();
        Assert.True(published);
        Assert.Equal(1, await db.PublicationLog.CountAsync(e => e.ArticleId == articleId));
    }
}

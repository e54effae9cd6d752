using Cms.Api.Tests.Infrastructure;
using Cms.Model.Security;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Articles;

/// <summary>Scheduled publishing through GraphQL, surviving a restart: what fell due while the server was down runs at start-up.</summary>
public sealed class SchedulingTests
{
    [Fact]
    public async Task A_schedule_that_fell_due_while_the_server_was_down_runs_at_start_up()
    {
        var database = Path.Combine(Path.GetTempPath(), $"cms-schedule-{Guid.NewGuid():N}.db");
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        string scheduled;
        using (var first = CmsApiFactory.OnDatabase(database).WithServices(s => s.AddSingleton<TimeProvider>(clock)))
        {
            first.DeleteDatabaseOnDispose = false;
            using var publisher = first.CreateClient();
            publisher.DefaultRequestHeaders.Add("X-Api-Key", await first.CreateApiKeyAsync(Role.Publisher));
            var id = (await GraphQLHttp.PostAsync(publisher, new { query = "{ article(slug: \"peace-of-westphalia\", stage: DRAFT) { id } }" })).Body!["data"]!["article"]!["id"]!.GetValue<string>();
            var at = clock.GetUtcNow().AddHours(1).ToString("O");

            var past = await GraphQLHttp.PostAsync(publisher, new { query = $"mutation {{ schedulePublication(input: {{ id: \"{id}\", at: \"{clock.GetUtcNow().AddHours(-1):O}\" }}) {{ errors {{ ... on ValidationError {{ field code }} }} }} }}" });
            await GraphQLHttp.PostAsync(publisher, new { query = $"mutation {{ schedulePublication(input: {{ id: \"{id}\", at: \"{at}\" }}) {{ errors {{ __typename }} }} }}" });
            scheduled = (await GraphQLHttp.PostAsync(publisher, new { query = "{ article(slug: \"peace-of-westphalia\", stage: DRAFT) { scheduledPublication { version createdBy } } }" })).Body!["data"]!.ToJsonString();

            Assert.Equal("""{"schedulePublication":{"errors":[{"field":"at","code":"OUT_OF_RANGE"}]}}""", past.Body!["data"]!.ToJsonString());
        }

        // The server is down while the schedule falls due.
        clock.Advance(TimeSpan.FromHours(2));
        using var second = CmsApiFactory.OnDatabase(database)
            .WithServices(s => s.AddSingleton<TimeProvider>(clock))
            .WithSetting("Scheduling:PollInterval", "00:10:00");
        using var reader = second.CreateClient();
        string? published = null;
        for (var attempt = 0; attempt < 50 && published is null; attempt++)
        {
            var response = await GraphQLHttp.PostAsync(reader, new { query = "{ article(slug: \"peace-of-westphalia\") { version { number } } }" });
            published = response.Body!["data"]!["article"]?.ToJsonString();
            if (published is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.Contains("\"version\":1", scheduled, StringComparison.Ordinal);
        Assert.Equal("""{"version":{"number":1}}""", published);
    }
}

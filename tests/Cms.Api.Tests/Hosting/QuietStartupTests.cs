using System.Diagnostics;
using Cms.Api.Hosting;

namespace Cms.Api.Tests.Hosting;

/// <summary>What keeps the console readable: only request spans reach it.</summary>
public sealed class QuietStartupTests
{
    [Fact]
    public void The_console_gets_the_spans_of_requests_and_what_runs_beneath_them_never_those_of_background_work()
    {
        using var source = new ActivitySource($"cms-tests-{Guid.NewGuid():N}");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        using (var request = source.StartActivity("POST /graphql", ActivityKind.Server)!)
        using (var operation = source.StartActivity("graphql.request")!)
        using (var query = source.StartActivity("main", ActivityKind.Client)!)
        {
            Assert.True(ConsoleTraceFilter.IsPartOfARequest(request));
            Assert.True(ConsoleTraceFilter.IsPartOfARequest(query));
        }

        // A poll of a background service: a root span, or a tree of them, with no request above.
        using var poll = source.StartActivity("scheduled-publishing")!;
        using var pollQuery = source.StartActivity("main", ActivityKind.Client)!;
        Assert.False(ConsoleTraceFilter.IsPartOfARequest(poll));
        Assert.False(ConsoleTraceFilter.IsPartOfARequest(pollQuery));
    }
}

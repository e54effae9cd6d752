using System.Diagnostics;
using Cms.Api.Articles;
using Cms.Api.Hosting;
using Cms.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cms.Api.Tests.Hosting;

/// <summary>What keeps the console readable: only request spans reach it, and no Data Protection key ring is made.</summary>
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

    [Fact]
    public void No_Data_Protection_key_ring_is_made_at_start_up()
    {
        using var api = new CmsApiFactory().WithSetting("Database:SeedDemoContent", "false");

        var hosted = api.Services.GetServices<IHostedService>().Select(s => s.GetType().FullName).ToList();

        // The name is that of a type authentication brings (were it renamed, the removal would miss it and this test would say so).
        Assert.NotNull(Type.GetType($"{DataProtectionAtStartup.HostedServiceName}, Microsoft.AspNetCore.DataProtection"));
        Assert.DoesNotContain(DataProtectionAtStartup.HostedServiceName, hosted);
        Assert.Contains(typeof(ScheduledPublishingService).FullName, hosted);
    }
}

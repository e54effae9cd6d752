using BenchmarkDotNet.Running;
using Cms.Benchmarks;
using Cms.Benchmarks.Harness;

// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- --filter '*'   (BenchmarkDotNet: transport overhead)
// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- versions      (saving versions on SQLite)
// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- http          (transport vs direct executer, Kestrel + wrk)
// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- readpath      (read path vs a same-bytes Kestrel process, wrk)
// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- readpath --smoke   (every step for a second; CI)
// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- readpath --quick   (200 articles, 5 s rounds: to compare changes)
if (args is ["readpath", .. var options])
{
    await ReadPathBenchmark.RunAsync(smoke: options.Contains("--smoke"), quick: options.Contains("--quick"), keepData: options.Contains("--keep-data"));
    return;
}

// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- delivery [--smoke] [--keep-data]  (issue 16: 100,000 articles, filters, deep pages, search)
if (args is ["delivery", .. var deliveryOptions])
{
    await DeliveryBenchmark.RunAsync(smoke: deliveryOptions.Contains("--smoke"), keepData: deliveryOptions.Contains("--keep-data"));
    return;
}

// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- media [--smoke]  (issue 17: 1 GiB upload, renditions, libvips vs SkiaSharp; Azurite)
if (args is ["media", .. var mediaOptions])
{
    await MediaBenchmark.RunAsync(smoke: mediaOptions.Contains("--smoke"));
    return;
}

// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- events [--smoke] [--subscriptions]  (issue 26: webhooks under
// publishing, WebSocket fan-out; --subscriptions: only the subscriptions' memory and fan-out)
if (args is ["events", .. var eventOptions])
{
    await EventsBenchmark.RunAsync(smoke: eventOptions.Contains("--smoke"), subscriptionsOnly: eventOptions.Contains("--subscriptions"));
    return;
}

if (args is ["ws-ceiling-server", var ceilingPort])
{
    await WebSocketCeiling.ServeAsync(int.Parse(ceilingPort, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["ceiling-server", var port, var articleFile, var listFile])
{
    await CeilingServer.ServeAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), articleFile, listFile);
    return;
}

if (args is ["http"])
{
    await HttpOverheadBenchmark.RunAsync();
    return;
}

if (args is ["versions"])
{
    await VersionSaveBenchmark.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TransportOverheadBenchmarks).Assembly).Run(args);

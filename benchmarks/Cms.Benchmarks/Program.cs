using BenchmarkDotNet.Running;
using Cms.Benchmarks;

// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- --filter '*'   (BenchmarkDotNet: transport overhead)
// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- versions      (saving versions on SQLite)
// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- http          (transport vs direct executer, Kestrel + wrk)
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

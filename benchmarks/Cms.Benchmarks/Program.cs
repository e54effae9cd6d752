using BenchmarkDotNet.Running;
using Cms.Benchmarks;

// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- --filter '*'   (BenchmarkDotNet: transport overhead)
// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- versions      (saving versions on SQLite)
if (args is ["versions"])
{
    await VersionSaveBenchmark.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TransportOverheadBenchmarks).Assembly).Run(args);

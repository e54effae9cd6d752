using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Cms.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Cms.Benchmarks.TransportOverheadBenchmarks).Assembly).Run(args);

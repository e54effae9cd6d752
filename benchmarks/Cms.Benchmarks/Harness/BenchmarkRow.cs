namespace Cms.Benchmarks.Harness;

/// <summary>One measured line of a benchmark's table: a throughput, a time to first answer or a memory figure.</summary>
internal sealed record BenchmarkRow(string Scenario, double? Rps = null, double? CpuMsPerRequest = null, double? Seconds = null, double? Memory = null, bool IsCeiling = false);

namespace Cms.Benchmarks.Harness;

/// <summary>How long and how large a benchmark runs: the full figures, the smoke run CI makes, or a quick comparison.</summary>
internal sealed record BenchmarkSettings(int Articles, int WarmUpSeconds, int Seconds, bool UseWrk, int ScaleTo)
{
    public static readonly BenchmarkSettings Full = new(1000, 10, 20, UseWrk: true, ScaleTo: 100_000);
    public static readonly BenchmarkSettings Smoke = new(10, 1, 1, UseWrk: false, ScaleTo: 1_000);
    public static readonly BenchmarkSettings Quick = new(200, 3, 5, UseWrk: true, ScaleTo: 20_000);
}

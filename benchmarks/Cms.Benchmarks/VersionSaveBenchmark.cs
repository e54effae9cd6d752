using System.Diagnostics;
using System.Globalization;
using Cms.Model.Articles;
using Cms.Model.Dates;
using Cms.Model.Editing;
using Cms.Model.Persistence;
using Cms.Model.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cms.Benchmarks;

/// <summary>
/// Saving a version of an article with 20 sections on SQLite (the editor's path: load version N with all its
/// lists, copy with one section changed, insert version N+1, one transaction). Two articles are saved in
/// alternation so both series share the machine's conditions: one going from version 2 up, one from version
/// 1,000 up, which answers whether a long history makes saving slower.
/// </summary>
public static class VersionSaveBenchmark
{
    private const int Sections = 20;
    private const int Samples = 300;
    private const int Warmup = 30;

    public static async Task RunAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cms-bench-versions-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteCmsDbContext>().UseCmsProvider(DatabaseProvider.Sqlite, $"Data Source={path}").Options;
        try
        {
            await using (var db = new SqliteCmsDbContext(options))
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            var young = await CreateAsync(options, "young");
            var old = await CreateAsync(options, "old");
            Console.WriteLine("Preparing 998 versions of the long-history article…");
            for (var version = 1; version < 999; version++)
            {
                await SaveAsync(options, old, version);
            }

            var (youngTimes, oldTimes) = (new List<double>(), new List<double>());
            var youngVersion = 1;
            var oldVersion = 999;
            for (var i = 0; i < Warmup + Samples; i++)
            {
                var a = await SaveAsync(options, young, youngVersion++);
                var b = await SaveAsync(options, old, oldVersion++);
                if (i >= Warmup)
                {
                    youngTimes.Add(a);
                    oldTimes.Add(b);
                }
            }

            Report("versions 2+ (from " + (Warmup + 2) + ")", youngTimes);
            Report("versions 1,000+ (from " + (Warmup + 1000) + ")", oldTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio of medians (1,000+ / 2+): {Percentile(oldTimes, 50) / Percentile(youngTimes, 50):0.00}; of p95: {Percentile(oldTimes, 95) / Percentile(youngTimes, 95):0.00}"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<Guid> CreateAsync(DbContextOptions<SqliteCmsDbContext> options, string slug)
    {
        await using var db = new SqliteCmsDbContext(options);
        var content = new ArticleContent(
            "A benchmark article",
            "Twenty sections of realistic length.",
            HistoricalDate.OnDay(1944, 10, 23),
            [new Place("Leyte Gulf", "Philippines", 10.8, 125.4), new Place("Samar", "Philippines", 11.6, 125.0)],
            ["world-war-ii", "battles", "naval-history"],
            ["Fact one", "Fact two", "Fact three", "Fact four"],
            [.. Enumerable.Range(0, Sections).Select(i => new Section($"section-{i}", $"Heading {i}", Body(i, 0)))],
            [new Source("A source", "https://example.org/a", "Publisher")],
            []);
        var result = await new ArticleEditor(db, TimeProvider.System).CreateAsync(slug, content, "bench");
        return result.Value!.Id;
    }

    private static async Task<double> SaveAsync(DbContextOptions<SqliteCmsDbContext> options, Guid id, int expectedVersion)
    {
        var started = Stopwatch.GetTimestamp();
        await using var db = new SqliteCmsDbContext(options);
        var editor = new ArticleEditor(db, TimeProvider.System);
        var current = (await db.ArticleVersions.Where(v => v.ArticleId == id && v.Number == expectedVersion).ToListWithContentAsync(db, VersionParts.Sections)).Single();
        var sections = current.Sections.Select((s, i) => i == expectedVersion % Sections ? s with { Body = Body(i, expectedVersion) } : s).ToList();
        var result = await editor.SaveVersionAsync(id, expectedVersion, new ArticleChanges { Sections = sections }, "bench", $"Edit {expectedVersion}");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static string Body(int section, int revision) =>
        string.Join(' ', Enumerable.Range(0, 300).Select(w => $"word{(w * 7 + section + revision) % 97}"));

    private static void Report(string label, List<double> times) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: n={times.Count} median {Percentile(times, 50):0.00} ms, p95 {Percentile(times, 95):0.00} ms, p99 {Percentile(times, 99):0.00} ms"));

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1];
    }
}

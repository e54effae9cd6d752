namespace Cms.Benchmarks.Harness;

/// <summary>
/// A benchmark's temporary folder (the published server, its data directory, Azurite's files), deleted at the end
/// unless kept for profiling; and the repository the benchmark runs from.
/// </summary>
internal sealed class WorkFolder : IDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly Func<string, string>? _keptMessage;

    private WorkFolder(string root, DirectoryInfo folder, Func<string, string>? keptMessage)
    {
        Root = root;
        _folder = folder;
        _keptMessage = keptMessage;
    }

    /// <summary>The repository's root, where Cms.sln is.</summary>
    public string Root { get; }

    public string FullName => _folder.FullName;

    /// <summary>A new folder named with <paramref name="prefix"/>; kept at the end when <paramref name="keptMessage"/> is given, which says so.</summary>
    public static WorkFolder Create(string prefix, Func<string, string>? keptMessage = null)
    {
        var root = RepositoryRoot();
        return new WorkFolder(root, Directory.CreateTempSubdirectory(prefix), keptMessage);
    }

    /// <summary>Publishes the CMS into the folder's <c>server</c> folder; returns its dll.</summary>
    public Task<string> PublishServerAsync() => CmsServer.PublishAsync(Root, Path.Combine(FullName, "server"));

    public void Dispose()
    {
        if (_keptMessage is not null)
        {
            Console.WriteLine(_keptMessage(FullName));
        }
        else
        {
            _folder.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cms.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Cms.sln not found above " + AppContext.BaseDirectory);
    }
}

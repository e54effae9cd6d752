using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Cms.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cms.Api.Tests.Docs;

/// <summary>
/// README and docs/ as a newcomer reads them: every relative link leads to a file and a heading that exist, every setting
/// the app binds is in docs/configuration.md, and README stays short enough to read through.
/// </summary>
public sealed partial class DocumentationTests(ITestOutputHelper output)
{
    private static readonly string Root = Node.RepositoryRoot();

    [Fact]
    public void Every_relative_link_in_README_and_docs_resolves_to_a_file_and_heading()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Prepend(Path.Combine(Root, "README.md")).ToList();

        var links = files.SelectMany(file => MarkdownLinks.Links(file, File.ReadAllText(file))).Where(link => !IsAbsolute(link.Destination)).ToList();
        var broken = links.Select(link => (link, problem: Problem(link))).Where(l => l.problem is not null)
            .Select(l => $"{Relative(l.link.File)}:{l.link.Line}: ({l.link.Destination}) {l.problem}").ToList();
        output.WriteLine($"{links.Count} relative links in {files.Count} files");

        Assert.True(broken.Count == 0, $"{broken.Count} broken links:\n{string.Join('\n', broken)}");
        // README alone links to every page of docs/ and to the screenshot; far fewer means the reader found nothing.
        Assert.True(links.Count >= 30, $"Only {links.Count} relative links found in {files.Count} files: is the reader broken?");
    }

    [Fact]
    public void Every_bound_options_property_is_documented_in_docs_configuration()
    {
        var documented = File.ReadAllText(Path.Combine(Root, "docs", "configuration.md"));
        var ours = OurAssemblies();
        // The options convention, not a namespace or folder: classes move, the SectionName constant stays with them.
        var options = ours.SelectMany(a => a.GetTypes()).Where(t => t.IsClass && SectionName(t) is not null).ToList();

        var keys = options.SelectMany(t => Keys(SectionName(t)!, t, ours, [t])).Distinct().Order(StringComparer.Ordinal).ToList();
        var missing = keys.Where(key => !documented.Contains($"`{key}`", StringComparison.Ordinal)).ToList();
        output.WriteLine($"{options.Count} options classes in {string.Join(", ", ours.Select(a => a.GetName().Name))}; {keys.Count} keys:");
        keys.ForEach(output.WriteLine);

        Assert.True(missing.Count == 0, $"docs/configuration.md does not name {missing.Count} bound settings (written as `Section:Property`):\n{string.Join('\n', missing)}");
        Assert.True(options.Count >= 10, $"Only {options.Count} options classes found: {string.Join(", ", options.Select(t => t.Name))}");
        Assert.True(keys.Count >= 50, $"Only {keys.Count} settings found: {string.Join(", ", keys)}");
    }

    [Fact]
    public void README_is_at_most_12000_bytes_and_shows_both_commands()
    {
        var readme = Path.Combine(Root, "README.md");
        var text = File.ReadAllText(readme);

        Assert.True(new FileInfo(readme).Length <= 12_000, $"README.md is {new FileInfo(readme).Length} bytes; move detail into docs/ and link to it.");
        Assert.Contains("`dotnet run --project src/Cms.Api`", text, StringComparison.Ordinal);
        Assert.Contains("`dotnet test Cms.sln`", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lists: filtering, ordering, paging", "lists-filtering-ordering-paging")]
    [InlineData("Why GraphQL.NET and not HotChocolate", "why-graphqlnet-and-not-hotchocolate")]
    [InlineData("A sample site and an editor's page", "a-sample-site-and-an-editors-page")]
    [InlineData("Microsoft Entra ID (JWT bearer tokens)", "microsoft-entra-id-jwt-bearer-tokens")]
    [InlineData("The `schema.graphql` file, **bold** and [linked](x.md)", "the-schemagraphql-file-bold-and-linked")]
    [InlineData("snake_case  and Ünïcode – too", "snake_case--and-ünïcode--too")]
    public void Heading_anchors_are_GitHub_slugs(string heading, string slug)
    {
        Assert.Equal(slug, MarkdownLinks.Slug(heading));
    }

    [Fact]
    public void Repeated_headings_are_numbered_and_nothing_in_code_is_a_link_or_a_heading()
    {
        const string markdown = """
            # Setup
            ## Setup
            ## Setup ##
            ````sh
            # not a heading
            [not a link](nowhere.md)
            ```
            still code
            ````
            See `[not a link](nowhere.md)` and [a link](other.md#setup-2), ![an image](images/x.png "title") and [`code`](a.md).
            <a id="explicit"></a>[ref]: defined.md
            """;

        Assert.Equal(["explicit", "setup", "setup-1", "setup-2"], MarkdownLinks.Anchors(markdown).Order(StringComparer.Ordinal));
        Assert.Equal(["other.md#setup-2", "images/x.png", "a.md"], MarkdownLinks.Links("x.md", markdown).Where(l => l.Line == 10).Select(l => l.Destination));
    }

    /// <summary>What is wrong with a relative link, or null: its file must exist, and a fragment must name an anchor of that (Markdown) file.</summary>
    private static string? Problem(MarkdownLink link)
    {
        var hash = link.Destination.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? link.Destination : link.Destination[..hash]);
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(link.Destination[(hash + 1)..]);
        var target = path.Length == 0 ? link.File
            : path.StartsWith('/') ? Path.GetFullPath(Path.Combine(Root, path.TrimStart('/')))
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(link.File)!, path));

        if (!File.Exists(target))
        {
            return Directory.Exists(target) && fragment is null ? null : $"{Relative(target)} does not exist";
        }

        if (fragment is null)
        {
            return null;
        }

        if (!target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return $"#{fragment} points into {Relative(target)}, which has no headings";
        }

        return MarkdownLinks.Anchors(File.ReadAllText(target)).Contains(fragment) ? null : $"{Relative(target)} has no heading whose anchor is #{fragment}";
    }

    /// <summary>http(s), mailto and any other scheme, or a protocol-relative URL: not checked here.</summary>
    private static bool IsAbsolute(string destination) => Scheme().IsMatch(destination) || destination.StartsWith("//", StringComparison.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

    /// <summary>Cms.Api and every assembly of ours it references (by name: Cms.*), found from the app rather than from a type's namespace.</summary>
    private static HashSet<Assembly> OurAssemblies()
    {
        var ours = new HashSet<Assembly>();
        var pending = new Queue<Assembly>([Assembly.Load(new AssemblyName("Cms.Api"))]);
        while (pending.TryDequeue(out var assembly))
        {
            if (ours.Add(assembly))
            {
                foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Cms.", StringComparison.Ordinal)))
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
            }
        }

        Assert.Contains(ours, a => a.GetName().Name == "Cms.Model");
        return ours;
    }

    private static string? SectionName(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly) is { IsLiteral: true } field && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    /// <summary>
    /// The keys the configuration binder fills: each property with a public setter, and each get-only auto-property of a
    /// collection or options type (the binder fills those in place); nested options classes of ours by their own
    /// properties, <c>Section:Property:Nested</c>. Computed properties (no backing field) are not settings.
    /// </summary>
    private static IEnumerable<string> Keys(string prefix, Type type, HashSet<Assembly> ours, HashSet<Type> path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var key = $"{prefix}:{property.Name}";
            var settable = property.SetMethod is { IsPublic: true };
            var filledInPlace = !settable && IsAutoProperty(property);
            if (IsNestedOptions(property.PropertyType, ours))
            {
                if ((settable || filledInPlace) && path.Add(property.PropertyType))
                {
                    foreach (var nested in Keys(key, property.PropertyType, ours, path))
                    {
                        yield return nested;
                    }

                    path.Remove(property.PropertyType);
                }
            }
            else if (settable || (filledInPlace && IsCollection(property.PropertyType)))
            {
                yield return key;
            }
        }
    }

    private static bool IsNestedOptions(Type type, HashSet<Assembly> ours) =>
        type.IsClass && type != typeof(string) && !IsCollection(type) && ours.Contains(type.Assembly);

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsAutoProperty(PropertyInfo property) =>
        property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic) is not null;

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}

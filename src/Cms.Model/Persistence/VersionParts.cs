namespace Cms.Model.Persistence;

/// <summary>The lists of a version that a read loads; the version row itself is always read.</summary>
[Flags]
public enum VersionParts
{
    None = 0,
    Places = 1,
    Tags = 2,
    KeyFacts = 4,
    Sections = 8,
    Sources = 16,
    Media = 32,
    All = Places | Tags | KeyFacts | Sections | Sources | Media,
}

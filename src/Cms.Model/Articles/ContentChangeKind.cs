namespace Cms.Model.Articles;

public enum ContentChangeKind
{
    Published,
    Unpublished,
    SlugChanged,
}

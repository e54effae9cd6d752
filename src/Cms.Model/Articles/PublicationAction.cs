namespace Cms.Model.Articles;

public enum PublicationAction
{
    Published,
    Unpublished,
}

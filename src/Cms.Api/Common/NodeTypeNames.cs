namespace Cms.Api.Common;

/// <summary>
/// The GraphQL type names of objects that a feature below their own refers to by global id (an asset's usages name the
/// articles using it, though the articles feature sits above media): one spelling, which each type's own name uses too.
/// </summary>
public static class NodeTypeNames
{
    public const string Article = "Article";

    public const string MediaAsset = "MediaAsset";
}

namespace Cms.Api.Media;

/// <summary>How a rendition fills its box, as Contentful and Directus name the modes.</summary>
public enum MediaFit
{
    /// <summary>Fills the box exactly, cropping around the focal point.</summary>
    Cover,

    /// <summary>Fits inside the box, keeping the proportions; the box takes the image's proportions.</summary>
    Contain,

    /// <summary>Stretches to the box exactly, proportions ignored.</summary>
    Fill,

    /// <summary>Fits inside the box, keeping the proportions, and is never enlarged.</summary>
    Inside,
}

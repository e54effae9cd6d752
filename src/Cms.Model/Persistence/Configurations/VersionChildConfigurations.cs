using Cms.Model.Articles;
using Cms.Model.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

/// <summary>
/// The lists inside a version are rows keyed by (version, position). The version id is a shadow property:
/// the domain types are values that know nothing of the row that holds them.
/// </summary>
internal static class VersionChild
{
    public const string ForeignKey = "VersionId";

    public static void KeyByPosition<T>(EntityTypeBuilder<T> builder, string table)
        where T : class
    {
        builder.ToTable(table);
        builder.Property<Guid>(ForeignKey);
        builder.HasKey(ForeignKey, "Position");
    }
}

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        VersionChild.KeyByPosition(builder, "VersionPlaces");
        builder.Property(p => p.Name).HasMaxLength(Place.MaxNameLength).IsRequired();
        builder.Property(p => p.Country).HasMaxLength(Place.MaxCountryLength);
        builder.HasIndex(p => p.Name);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        VersionChild.KeyByPosition(builder, "VersionTags");
        builder.Property(t => t.Slug).HasMaxLength(Tag.MaxSlugLength).IsRequired();
        builder.Property(t => t.Label).HasMaxLength(Tag.MaxLabelLength).IsRequired();
        builder.HasIndex(t => t.Slug);
    }
}

internal sealed class TagDefinitionConfiguration : IEntityTypeConfiguration<TagDefinition>
{
    public void Configure(EntityTypeBuilder<TagDefinition> builder)
    {
        builder.ToTable("Tags");
        builder.HasKey(t => t.Slug);
        builder.Property(t => t.Slug).HasMaxLength(Tag.MaxSlugLength);
        builder.Property(t => t.Label).HasMaxLength(Tag.MaxLabelLength).IsRequired();
    }
}

internal sealed class KeyFactConfiguration : IEntityTypeConfiguration<KeyFact>
{
    public void Configure(EntityTypeBuilder<KeyFact> builder)
    {
        VersionChild.KeyByPosition(builder, "VersionKeyFacts");
        builder.Property(f => f.Text).HasMaxLength(KeyFact.MaxLength).IsRequired();
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        VersionChild.KeyByPosition(builder, "VersionSections");
        builder.Property(s => s.Key).HasMaxLength(Section.MaxKeyLength).IsRequired();
        builder.HasIndex(VersionChild.ForeignKey, nameof(Section.Key)).IsUnique();
        builder.Property(s => s.Heading).HasMaxLength(Section.MaxHeadingLength).IsRequired();

        // Bodies are long Markdown; no length here keeps them nvarchar(max) on SQL Server. The validator caps them.
        builder.Property(s => s.Body).IsRequired();
    }
}

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        VersionChild.KeyByPosition(builder, "VersionSources");
        builder.Property(s => s.Title).HasMaxLength(Source.MaxTitleLength).IsRequired();
        builder.Property(s => s.Url).HasMaxLength(Source.MaxUrlLength);
        builder.Property(s => s.Publisher).HasMaxLength(Source.MaxPublisherLength);
        builder.Property(s => s.Note).HasMaxLength(Source.MaxNoteLength);
    }
}

internal sealed class MediaReferenceConfiguration : IEntityTypeConfiguration<MediaReference>
{
    public void Configure(EntityTypeBuilder<MediaReference> builder)
    {
        VersionChild.KeyByPosition(builder, "VersionMedia");
        builder.Property(m => m.CaptionOverride).HasMaxLength(MediaReference.MaxCaptionLength);
        builder.Ignore(m => m.FocalPointOverride);
        builder.Property(m => m.FocalX);
        builder.Property(m => m.FocalY);

        // An asset a retained version uses cannot be deleted, even by a delete racing the save that adds the use.
        builder.HasOne<MediaAsset>().WithMany().HasForeignKey(m => m.AssetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.AssetId);
    }
}

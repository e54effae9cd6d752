using Cms.Model.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

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

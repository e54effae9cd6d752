using Cms.Model.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

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

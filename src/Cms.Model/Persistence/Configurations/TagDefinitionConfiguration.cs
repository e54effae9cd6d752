using Cms.Model.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

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

using Cms.Model.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

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

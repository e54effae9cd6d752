using Cms.Model.Articles;
using Cms.Model.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class ChangeEventConfiguration : IEntityTypeConfiguration<ChangeEvent>
{
    public void Configure(EntityTypeBuilder<ChangeEvent> builder)
    {
        builder.ToTable("ChangeEvents");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(e => e.Id).IsUnique();
        builder.Property(e => e.Type).HasMaxLength(ChangeEvent.MaxTypeLength);
        builder.Property(e => e.Actor).HasMaxLength(ChangeEvent.MaxActorLength);
        builder.Property(e => e.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(e => e.PreviousSlug).HasMaxLength(Slug.MaxLength);

        // No foreign keys: a purged article's or deleted asset's events stay, still owed to their receivers. Consumers read
        // in sequence order; retention prunes by time.
        builder.HasIndex(e => e.OccurredAt);
    }
}

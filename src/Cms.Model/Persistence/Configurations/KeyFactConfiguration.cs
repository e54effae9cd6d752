using Cms.Model.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class KeyFactConfiguration : IEntityTypeConfiguration<KeyFact>
{
    public void Configure(EntityTypeBuilder<KeyFact> builder)
    {
        VersionChild.KeyByPosition(builder, "VersionKeyFacts");
        builder.Property(f => f.Text).HasMaxLength(KeyFact.MaxLength).IsRequired();
    }
}

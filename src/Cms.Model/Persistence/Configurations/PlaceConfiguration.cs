using Cms.Model.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

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

using Cms.Model.Articles;
using Cms.Model.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

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

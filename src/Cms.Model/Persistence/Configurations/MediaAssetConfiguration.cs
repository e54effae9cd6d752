using Cms.Model.Media;
using Cms.Model.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> builder)
    {
        builder.ToTable("MediaAssets");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(a => a.StorageKey).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(a => a.AltText).HasMaxLength(MediaAsset.MaxAltTextLength);
        builder.Property(a => a.Caption).HasMaxLength(MediaAsset.MaxCaptionLength);
        builder.Property(a => a.Credit).HasMaxLength(MediaAsset.MaxCreditLength);
        builder.Property(a => a.License).HasMaxLength(MediaAsset.MaxLicenseLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(a => a.UpdatedBy).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.Ignore(a => a.FocalPoint);
        builder.Ignore(a => a.IsImage);
        builder.Property(a => a.FocalX);
        builder.Property(a => a.FocalY);

        // Identical uploads find each other by hash; the sweeper asks which keys are still used; lists page by creation.
        builder.HasIndex(a => a.Sha256);
        builder.HasIndex(a => a.StorageKey);
        builder.HasIndex(a => new { a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.FileName, a.Id });

        builder.OwnsMany(a => a.Tags, tags =>
        {
            tags.ToTable("MediaAssetTags");
            tags.WithOwner().HasForeignKey("AssetId");
            tags.HasKey("AssetId", nameof(MediaAssetTag.Position));
            tags.Property(t => t.Position).ValueGeneratedNever();
            tags.Property(t => t.Slug).HasMaxLength(Tag.MaxSlugLength).IsRequired();
            tags.Property(t => t.Label).HasMaxLength(Tag.MaxLabelLength).IsRequired();
            tags.HasIndex(t => t.Slug);
        });
        builder.Navigation(a => a.Tags).HasField("_tags");
    }
}

using Cms.Model.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class MediaUploadConfiguration : IEntityTypeConfiguration<MediaUpload>
{
    public void Configure(EntityTypeBuilder<MediaUpload> builder)
    {
        builder.ToTable("MediaUploads");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.StorageKey).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(u => u.FileName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(u => u.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(u => u.CreatedBy).HasMaxLength(200).IsRequired();
        builder.HasIndex(u => u.ExpiresAt);
    }
}

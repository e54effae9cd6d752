using Cms.Model.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("Articles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => a.Status);
        builder.Property(a => a.LatestVersionNumber).IsConcurrencyToken();
        builder.Property(a => a.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(a => a.UpdatedBy).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => a.UpdatedAt);
        builder.HasIndex(a => a.PublishedAt);

        // The published list's order (newest event first, slug as the tie-breaker) and filter in one index, so a page is a
        // seek and a short range scan whatever the number of articles. The filter is plain SQL both providers read.
        builder.HasIndex(a => new { a.PublishedDateSortKey, a.Slug }, "IX_Articles_PublishedOrder")
            .IsDescending(true, false)
            .HasFilter("PublishedDateSortKey IS NOT NULL");
        builder.Ignore(a => a.IsDeleted);

        // The published version is addressed by (article, number), the same pair that makes a version unique,
        // so the database itself guarantees that an article can only publish one of its own versions.
        builder.HasOne(a => a.PublishedVersion)
            .WithMany()
            .HasForeignKey(a => new { a.Id, a.PublishedVersionNumber })
            .HasPrincipalKey(v => new { v.ArticleId, v.Number })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

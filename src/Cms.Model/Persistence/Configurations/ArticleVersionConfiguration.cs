using Cms.Model.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class ArticleVersionConfiguration : IEntityTypeConfiguration<ArticleVersion>
{
    public void Configure(EntityTypeBuilder<ArticleVersion> builder)
    {
        builder.ToTable("ArticleVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();

        // One version per number per article: two concurrent saves of the same number cannot both land.
        builder.HasAlternateKey(v => new { v.ArticleId, v.Number });
        builder.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(v => v.Title).HasMaxLength(ArticleContent.MaxTitleLength).IsRequired();
        builder.Property(v => v.Summary).HasMaxLength(ArticleContent.MaxSummaryLength).IsRequired();
        builder.Property(v => v.Author).HasMaxLength(200).IsRequired();
        builder.Property(v => v.ChangeNote).HasMaxLength(ArticleValidator.MaxChangeNoteLength);

        builder.Ignore(v => v.HistoricalDate);
        builder.Property(v => v.DateStartYear);
        builder.Property(v => v.DateStartMonth);
        builder.Property(v => v.DateStartDay);
        builder.Property(v => v.DateEndYear);
        builder.Property(v => v.DateEndMonth);
        builder.Property(v => v.DateEndDay);
        builder.Property(v => v.DatePrecision);
        builder.Property(v => v.DateLabel).HasMaxLength(Dates.HistoricalDate.MaxLabelLength);
        builder.HasIndex(v => v.DateSortKey);
        builder.HasIndex(v => v.DateEndKey);

        // "On this day": the versions dated to a calendar day, found without reading every version.
        builder.HasIndex(v => new { v.DateStartMonth, v.DateStartDay, v.DatePrecision }).HasDatabaseName("IX_ArticleVersions_CalendarDay");

        builder.HasMany(v => v.Places).WithOne().HasForeignKey(VersionChild.ForeignKey).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Tags).WithOne().HasForeignKey(VersionChild.ForeignKey).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.KeyFacts).WithOne().HasForeignKey(VersionChild.ForeignKey).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Sections).WithOne().HasForeignKey(VersionChild.ForeignKey).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Sources).WithOne().HasForeignKey(VersionChild.ForeignKey).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Media).WithOne().HasForeignKey(VersionChild.ForeignKey).OnDelete(DeleteBehavior.Cascade);
    }
}

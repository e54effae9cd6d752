using Cms.Model.Articles;
using Cms.Model.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    /// <summary>The SQLite triggers that copy each change into the FTS5 table (created by the Search migration).</summary>
    public static readonly string[] SqliteTriggers = ["SearchDocuments_Inserted", "SearchDocuments_Deleted", "SearchDocuments_Updated"];

    public void Configure(EntityTypeBuilder<SearchDocument> builder)
    {
        builder.ToTable("SearchDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.HasIndex(d => d.ArticleId).IsUnique();
        builder.HasOne<Article>().WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Title).HasMaxLength(ArticleContent.MaxTitleLength).IsRequired();
        builder.Property(d => d.Summary).HasMaxLength(ArticleContent.MaxSummaryLength).IsRequired();
        builder.Property(d => d.Body).IsRequired();
    }
}

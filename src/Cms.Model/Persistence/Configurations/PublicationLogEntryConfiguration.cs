using Cms.Model.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class PublicationLogEntryConfiguration : IEntityTypeConfiguration<PublicationLogEntry>
{
    public void Configure(EntityTypeBuilder<PublicationLogEntry> builder)
    {
        builder.ToTable("PublicationLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Actor).HasMaxLength(200).IsRequired();
        builder.HasOne<Article>().WithMany().HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ArticleId, e.At });
    }
}

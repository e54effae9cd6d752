using Cms.Model.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class ArticlePresenceConfiguration : IEntityTypeConfiguration<ArticlePresence>
{
    public void Configure(EntityTypeBuilder<ArticlePresence> builder)
    {
        builder.ToTable("ArticlePresences");
        builder.HasKey(p => new { p.ArticleId, p.SessionId });
        builder.Property(p => p.SessionId).HasMaxLength(ArticlePresence.MaxSessionIdLength).IsRequired();
        builder.Property(p => p.Actor).HasMaxLength(200).IsRequired();
        builder.HasOne<Article>().WithMany().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // The sweep of stale rows reads by time.
        builder.HasIndex(p => p.SeenAt);
    }
}

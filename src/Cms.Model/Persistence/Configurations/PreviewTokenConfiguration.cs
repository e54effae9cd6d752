using Cms.Model.Articles;
using Cms.Model.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class PreviewTokenConfiguration : IEntityTypeConfiguration<PreviewToken>
{
    public void Configure(EntityTypeBuilder<PreviewToken> builder)
    {
        builder.ToTable("PreviewTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Article>().WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(t => t.RevokedBy).HasMaxLength(200);
    }
}

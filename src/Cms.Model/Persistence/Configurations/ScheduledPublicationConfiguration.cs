using Cms.Model.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class ScheduledPublicationConfiguration : IEntityTypeConfiguration<ScheduledPublication>
{
    public void Configure(EntityTypeBuilder<ScheduledPublication> builder)
    {
        builder.ToTable("ScheduledPublications");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Outcome).HasMaxLength(500);
        builder.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);

        // The runner's question: what is pending and due?
        builder.HasIndex(s => new { s.State, s.At });
        builder.HasIndex(s => s.ArticleId);
    }
}

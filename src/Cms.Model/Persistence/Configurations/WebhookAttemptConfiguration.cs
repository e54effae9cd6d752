using Cms.Model.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("WebhookAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.ResponseStart).HasMaxLength(WebhookAttempt.MaxResponseLength);
        builder.Property(a => a.Error).HasMaxLength(WebhookDelivery.MaxErrorLength);
        builder.HasIndex(a => new { a.DeliveryId, a.Number });
    }
}

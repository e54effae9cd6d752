using Cms.Model.Articles;
using Cms.Model.Events;
using Cms.Model.Media;
using Cms.Model.Search;
using Cms.Model.Security;
using Cms.Model.Taxonomy;
using Cms.Model.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Cms.Model.Persistence;

/// <summary>
/// The one model, shared by every provider. Provider details live only in the thin subclasses
/// (<see cref="Sqlite.SqliteCmsDbContext"/>, <see cref="SqlServer.SqlServerCmsDbContext"/>), each with its own migrations:
/// <code>
/// dotnet ef migrations add &lt;Name&gt; --project src/Cms.Model --context SqliteCmsDbContext --output-dir Persistence/Sqlite/Migrations
/// dotnet ef migrations add &lt;Name&gt; --project src/Cms.Model --context SqlServerCmsDbContext --output-dir Persistence/SqlServer/Migrations
/// </code>
/// </summary>
public abstract class CmsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleVersion> ArticleVersions => Set<ArticleVersion>();

    public DbSet<PublicationLogEntry> PublicationLog => Set<PublicationLogEntry>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();

    public DbSet<ScheduledPublication> ScheduledPublications => Set<ScheduledPublication>();

    public DbSet<ContentChange> ContentChanges => Set<ContentChange>();

    public DbSet<ChangeEvent> ChangeEvents => Set<ChangeEvent>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<TagDefinition> Tags => Set<TagDefinition>();

    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();

    public DbSet<PreviewToken> PreviewTokens => Set<PreviewToken>();

    public DbSet<ArticlePresence> ArticlePresences => Set<ArticlePresence>();

    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();

    public DbSet<MediaUpload> MediaUploads => Set<MediaUpload>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CmsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every timestamp is UTC; reading one back must say so, whichever provider stored it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();

        // Enums are stored by name: readable in the database and safe when members are added or reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Model.Persistence.Configurations;

/// <summary>
/// The lists inside a version are rows keyed by (version, position). The version id is a shadow property:
/// the domain types are values that know nothing of the row that holds them.
/// </summary>
internal static class VersionChild
{
    public const string ForeignKey = "VersionId";

    public static void KeyByPosition<T>(EntityTypeBuilder<T> builder, string table)
        where T : class
    {
        builder.ToTable(table);
        builder.Property<Guid>(ForeignKey);
        builder.HasKey(ForeignKey, "Position");
    }
}

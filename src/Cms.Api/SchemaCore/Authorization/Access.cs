using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Cms.Api.SchemaCore;

/// <summary>
/// The authorization rules of the schema, written next to each field or type with GraphQL.NET's metadata
/// (<c>AllowAnonymous</c>, <c>AuthorizeWithRoles</c>), and read back by <see cref="FieldAuthorizationRule"/>.
/// </summary>
public static class Access
{
    /// <summary>Anyone may select this field (or, on a type, every field of the type).</summary>
    public static T Public<T>(this T metadata)
        where T : IMetadataWriter => metadata.AllowAnonymous();

    /// <summary>Only callers with at least <paramref name="role"/> may select this field (or every field of this type).</summary>
    public static T RequireRole<T>(this T metadata, Role role)
        where T : IMetadataWriter => metadata.AuthorizeWithRoles(role.ToName());

    /// <summary>
    /// The rule for a field: its own, else its type's. Fields of the Relay plumbing types (connections, edges,
    /// page info) inherit the rule of the field that returned them, which was checked already. Anything else has
    /// no rule and is refused: secure by default.
    /// </summary>
    public static AccessRequirement RequirementFor(FieldType field, IGraphType parentType)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(parentType);
        return RuleOf(field) ?? (parentType is IMetadataReader reader ? RuleOf(reader) : null) ??
            (IsRelayPlumbing(parentType) ? AccessRequirement.Inherited : AccessRequirement.NoRule);
    }

    public static bool IsRelayPlumbing(IGraphType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var clrType = type.GetType();
        var definition = clrType.IsGenericType ? clrType.GetGenericTypeDefinition() : clrType;
        return definition == typeof(ConnectionGraphType) || definition == typeof(EdgeGraphType) ||
            definition == typeof(PageInfoType);
    }

    private static AccessRequirement? RuleOf(IMetadataReader metadata)
    {
        if (metadata.IsAnonymousAllowed())
        {
            return AccessRequirement.Public;
        }

        var roles = metadata.GetRoles();
        if (roles is not { Count: > 0 })
        {
            return null;
        }

        // Several roles mean "any of them"; as roles are ordered, that is the lowest.
        var parsed = roles.Select(name => Roles.TryParse(name, out var role) ? role : (Role?)null).Where(r => r is not null).ToList();
        return parsed.Count == 0 ? AccessRequirement.NoRule : new AccessRequirement(false, parsed.Min(), false);
    }
}

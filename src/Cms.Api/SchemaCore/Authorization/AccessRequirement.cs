using Cms.Model.Security;

namespace Cms.Api.SchemaCore;

/// <summary>What a field needs: open to everyone, a minimum role, or (when nothing says) nobody.</summary>
public readonly record struct AccessRequirement(bool IsPublic, Role? MinimumRole, bool IsInherited)
{
    public static readonly AccessRequirement Public = new(true, null, false);
    public static readonly AccessRequirement Inherited = new(false, null, true);
    public static readonly AccessRequirement NoRule = new(false, null, false);

    public bool HasRule => IsPublic || MinimumRole is not null || IsInherited;
}

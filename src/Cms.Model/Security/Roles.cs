namespace Cms.Model.Security;

public static class Roles
{
    /// <summary>Parses a role name case-insensitively ("editor", "Editor"); numbers are not role names.</summary>
    public static bool TryParse(string? value, out Role role)
    {
        role = default;
        return !string.IsNullOrWhiteSpace(value) && !char.IsDigit(value.Trim()[0]) &&
            Enum.TryParse(value.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
    }

    public static string ToName(this Role role) => role.ToString().ToLowerInvariant();
}

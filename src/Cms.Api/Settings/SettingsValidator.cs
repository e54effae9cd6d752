using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Cms.Api.Settings;

/// <summary>
/// The one way settings are checked at start-up: data annotations for single values, <see cref="IValidatableObject"/> for
/// rules across values, in the section and in every nested section it holds (<c>GraphQL:Limits</c>). A message about one
/// value is prefixed with that setting's full key (<c>GraphQL:Limits:MaxQueryDepth: …</c>); a rule across values names
/// its settings itself.
/// </summary>
public sealed class SettingsValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Collect(options, section, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Collect(object settings, string key, List<string> problems)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        problems.AddRange(results.Select(r => r.MemberNames.FirstOrDefault() is { } member ? $"{key}:{member}: {r.ErrorMessage}" : r.ErrorMessage ?? $"{key} is invalid."));

        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => IsSection(p.PropertyType)))
        {
            if (property.GetValue(settings) is { } nested)
            {
                Collect(nested, $"{key}:{property.Name}", problems);
            }
            else
            {
                problems.Add($"{key}:{property.Name} must not be null.");
            }
        }
    }

    /// <summary>A nested section: a settings class of this application (values, strings and collections are settings themselves).</summary>
    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Cms.", StringComparison.Ordinal) == true;
}

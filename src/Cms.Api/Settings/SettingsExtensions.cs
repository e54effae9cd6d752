using Microsoft.Extensions.Options;

namespace Cms.Api.Settings;

public static class SettingsExtensions
{
    /// <summary>
    /// Binds a settings class to its configuration section and checks it when the application starts, with
    /// <see cref="SettingsValidator{T}"/>: an invalid value stops start-up with a message that names the setting.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }
}

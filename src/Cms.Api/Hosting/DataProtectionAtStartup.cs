namespace Cms.Api.Hosting;

/// <summary>
/// ASP.NET Core Data Protection comes with authentication (<c>AddAuthentication</c> registers it), and with it a hosted
/// service that loads its key ring at start-up, creating a key on a new machine under ~/.aspnet/DataProtection-Keys and
/// warning "No XML encryptor configured". Nothing in this app protects data with it: API keys are stored as hashes,
/// cursors and preview tokens are signed with keys kept in the database (SigningKeys), JWTs are checked against the
/// issuer's keys, and there are no cookies, sessions or antiforgery tokens. So no key ring is made: the start-up service
/// is removed. Should a feature start using <c>IDataProtectionProvider</c>, its keys must then be persisted where every
/// instance finds them (<c>PersistKeysTo…</c>) and protected (<c>ProtectKeysWith…</c>), and this removal dropped.
/// </summary>
public static class DataProtectionAtStartup
{
    /// <summary>The hosted service that makes the key ring at start-up (internal to Microsoft.AspNetCore.DataProtection).</summary>
    internal const string HostedServiceName = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>Removes Data Protection's start-up key ring loading; call after everything that adds Data Protection.</summary>
    public static IServiceCollection WithoutDataProtectionKeyRingAtStartup(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == HostedServiceName).ToList())
        {
            services.Remove(descriptor);
        }

        return services;
    }
}

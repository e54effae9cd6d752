using Cms.Api.Transport.Uploads;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace Cms.Api.Transport;

public static class TransportExtensions
{
    /// <summary>Registers the GraphQL-over-HTTP transport: options, request readers, persisted operations and the document pipeline.</summary>
    public static IServiceCollection AddGraphQLHttpTransport(this IServiceCollection services)
    {
        services.AddOptions<GraphQLHttpOptions>()
            .BindConfiguration(GraphQLHttpOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Limits is not null && o.PersistedQueries is not null && o.TrustedDocuments is not null && o.Uploads is not null && o.ResponseCache is not null, "GraphQL settings sections must not be null.")
            .PostConfigure<IHostEnvironment>((options, environment) => options.EnableIntrospection ??= environment.IsDevelopment())
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphQLHttpOptions>, NestedDataAnnotationsValidator>();
        services.AddDistributedMemoryCache();
        services.AddSingleton<DocumentPreparation>();
        services.AddSingleton<IConfigureExecution>(sp => sp.GetRequiredService<DocumentPreparation>());
        services.AddSingleton<TrustedDocuments>();
        services.AddSingleton<PersistedOperations>();
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<MultipartRequestReader>();
        services.AddSingleton<ResponseCache>();
        services.AddHostedService<ResponseCacheInvalidation>();
        services.AddSingleton<GraphQLHttpHandler>();
        return services;
    }

    /// <summary>Maps the endpoint for every method, so that unsupported ones get a GraphQL-shaped 405 with an Allow header.</summary>
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;

        // Loading the allow-list now makes a broken manifest stop start-up instead of failing requests.
        _ = endpoints.ServiceProvider.GetRequiredService<TrustedDocuments>();
        var handler = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpHandler>();
        return endpoints.Map(options.Path, handler.HandleAsync);
    }

    /// <summary>Data annotations on the nested sections (limits, uploads…), which the top-level validation does not visit.</summary>
    private sealed class NestedDataAnnotationsValidator : IValidateOptions<GraphQLHttpOptions>
    {
        public ValidateOptionsResult Validate(string? name, GraphQLHttpOptions options)
        {
            var failures = new List<string>();
            foreach (var (section, value) in new (string, object?)[] { ("Limits", options.Limits), ("PersistedQueries", options.PersistedQueries), ("TrustedDocuments", options.TrustedDocuments), ("Uploads", options.Uploads), ("ResponseCache", options.ResponseCache) })
            {
                if (value is null)
                {
                    continue;
                }

                var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
                if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(value, new(value), results, validateAllProperties: true))
                {
                    failures.AddRange(results.Select(r => $"{GraphQLHttpOptions.SectionName}:{section}: {r.ErrorMessage}"));
                }
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

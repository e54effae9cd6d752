using System.Security.Cryptography;
using Cms.Api.SchemaCore;
using Cms.Model.Security;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Api.Tests.Infrastructure;

/// <summary>
/// Fields that exist only in tests, to drive the transport where the product schema has no field yet: a slow
/// field (timeouts), a failing one (unhandled errors) and an upload probe (multipart requests).
/// </summary>
internal sealed class TestFields : IQueryFields, IMutationFields
{
    public const string FailureMessage = "secret internal detail: connection string Server=db;Password=hunter2";

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<TestFields>();
        services.AddSingleton<IQueryFields>(sp => sp.GetRequiredService<TestFields>());
        services.AddSingleton<IMutationFields>(sp => sp.GetRequiredService<TestFields>());
        services.AddSingleton<UploadProbeResultGraphType>();
    }

    void IQueryFields.AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<IntGraphType>>("slow")
            .Argument<NonNullGraphType<IntGraphType>>("ms")
            .Public()
            .ResolveAsync(async context =>
            {
                var ms = context.GetArgument<int>("ms");
                await Task.Delay(ms, context.CancellationToken);
                return ms;
            });
        query.Field<StringGraphType>("boom")
            .Public()
            .Resolve(_ => throw new InvalidOperationException(FailureMessage));
    }

    void IMutationFields.AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UploadProbeResultGraphType>>>>("uploadProbe")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<UploadGraphType>>>>("files")
            .RequireRole(Role.Editor)
            .ResolveAsync(async context =>
            {
                var results = new List<UploadProbeResult>();
                foreach (var file in context.GetArgument<List<FileUpload>>("files"))
                {
                    await using var stream = await file.OpenReadStreamAsync(context.CancellationToken);
                    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var buffer = new byte[81920];
                    long size = 0;
                    int read;
                    while ((read = await stream.ReadAsync(buffer, context.CancellationToken)) > 0)
                    {
                        sha.AppendData(buffer, 0, read);
                        size += read;
                    }

                    results.Add(new UploadProbeResult(file.Name, file.FileName, file.ContentType, size, Convert.ToHexStringLower(sha.GetHashAndReset())));
                }

                return results;
            });
    }
}

internal sealed record UploadProbeResult(string Key, string? FileName, string? ContentType, long Size, string Sha256);

internal sealed class UploadProbeResultGraphType : ObjectGraphType<UploadProbeResult>
{
    public UploadProbeResultGraphType()
    {
        Name = "UploadProbeResult";
        this.Public();
        Field(x => x.Key);
        Field(x => x.FileName, nullable: true);
        Field(x => x.ContentType, nullable: true);
        Field<NonNullGraphType<FloatGraphType>>("size").Resolve(ctx => (double)ctx.Source.Size);
        Field(x => x.Sha256);
    }
}

using System.Security.Claims;
using Cms.Api.SchemaCore;
using Cms.Model.Editing;
using Cms.Model.Security;
using GraphQL.Types;

namespace Cms.Api.ApiKeys;

public sealed class RoleGraphType : EnumerationGraphType<Role>
{
    public RoleGraphType()
    {
        Name = "Role";
        Description = "Ordered roles: each includes the ones before it (VIEWER < EDITOR < PUBLISHER < ADMIN).";
    }
}

public sealed class CallerGraphType : ObjectGraphType<ClaimsPrincipal>
{
    public CallerGraphType()
    {
        Name = "Caller";
        Description = "Who is asking, as the API sees it.";
        this.Public();
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.GetActorName());
        Field<RoleGraphType>("role").Description("The effective role; null when the credentials carry no known role.").Resolve(ctx => ctx.Source.GetRole());
    }
}

public sealed class ApiKeyGraphType : ObjectGraphType<ApiKey>
{
    public ApiKeyGraphType()
    {
        Name = "ApiKey";
        Description = "An API key. Its secret is never shown again after creation.";
        this.RequireRole(Role.Admin);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("publicId").Description("The non-secret part of the key (after cmsk_), safe to show.").Resolve(ctx => ctx.Source.PublicId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<RoleGraphType>>("role").Resolve(ctx => ctx.Source.Role);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Resolve(ctx => ctx.Source.CreatedBy);
        Field<DateTimeGraphType>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
        Field<DateTimeGraphType>("lastUsedAt").Description("Accurate to about a minute.").Resolve(ctx => ctx.Source.LastUsedAt);
        Field<DateTimeGraphType>("revokedAt").Resolve(ctx => ctx.Source.RevokedAt);
    }
}

public sealed record CreateApiKeyInput(string Name, Role Role, DateTime? ExpiresAt);

public sealed class CreateApiKeyInputGraphType : InputObjectGraphType<CreateApiKeyInput>
{
    public CreateApiKeyInputGraphType()
    {
        Name = "CreateApiKeyInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("What the key is for, such as \"preview-site\".");
        Field<NonNullGraphType<RoleGraphType>>("role");
        Field<DateTimeGraphType>("expiresAt").Description("When the key stops working; none by default.");
    }
}

public sealed record CreateApiKeyPayload(ApiKey? ApiKey, string? Secret, IReadOnlyList<EditError> Errors);

public sealed class CreateApiKeyPayloadGraphType : ObjectGraphType<CreateApiKeyPayload>
{
    public CreateApiKeyPayloadGraphType()
    {
        Name = "CreateApiKeyPayload";
        this.RequireRole(Role.Admin);
        Field<ApiKeyGraphType>("apiKey").Resolve(ctx => ctx.Source.ApiKey);
        Field<StringGraphType>("secret").Description("The key itself. Shown only in this response: store it now.").Resolve(ctx => ctx.Source.Secret);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorInterface>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed record RevokeApiKeyInput(string Id);

public sealed class RevokeApiKeyInputGraphType : InputObjectGraphType<RevokeApiKeyInput>
{
    public RevokeApiKeyInputGraphType()
    {
        Name = "RevokeApiKeyInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The key's id, or its public id.");
    }
}

public sealed record RevokeApiKeyPayload(ApiKey? ApiKey, IReadOnlyList<EditError> Errors);

public sealed class RevokeApiKeyPayloadGraphType : ObjectGraphType<RevokeApiKeyPayload>
{
    public RevokeApiKeyPayloadGraphType()
    {
        Name = "RevokeApiKeyPayload";
        this.RequireRole(Role.Admin);
        Field<ApiKeyGraphType>("apiKey").Resolve(ctx => ctx.Source.ApiKey);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorInterface>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

using Cms.Api.SchemaCore;
using Cms.Model.Security;
using Cms.Model.Webhooks;
using GraphQL.Types;

namespace Cms.Api.Webhooks;

public sealed class WebhookAttemptGraphType : ObjectGraphType<WebhookAttempt>
{
    public WebhookAttemptGraphType()
    {
        Name = "WebhookAttempt";
        Description = "One try at a delivery.";
        this.RequireRole(Role.Admin);
        Field<NonNullGraphType<IntGraphType>>("number").Description("1 for the first try.").Resolve(ctx => ctx.Source.Number);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(ctx => ctx.Source.At);
        Field<IntGraphType>("statusCode").Description("The receiver's HTTP status; null when no answer came.").Resolve(ctx => ctx.Source.StatusCode);
        Field<NonNullGraphType<IntGraphType>>("latencyMs").Description("From sending to the end of the read response, in milliseconds.").Resolve(ctx => ctx.Source.LatencyMilliseconds);
        Field<StringGraphType>("responseStart").Description("The first 500 characters of the response body.").Resolve(ctx => ctx.Source.ResponseStart);
        Field<StringGraphType>("error").Description("What went wrong: the status, a timeout, a refused address.").Resolve(ctx => ctx.Source.Error);
    }
}

using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cms.Api.HttpSecurity;

public enum OperationClass
{
    AnonymousQuery,
    AuthenticatedQuery,
    Mutation,
}

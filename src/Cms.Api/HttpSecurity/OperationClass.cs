namespace Cms.Api.HttpSecurity;

public enum OperationClass
{
    AnonymousQuery,
    AuthenticatedQuery,
    Mutation,
}

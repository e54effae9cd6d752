using Cms.Model.Security;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

/// <summary>A mutation field being declared: its name, role and description, waiting for its handler.</summary>
public sealed class MutationField<TInputGraph, TPayloadGraph>(ObjectGraphType mutation, string name, Role role, string description)
    where TInputGraph : IInputObjectGraphType
    where TPayloadGraph : IGraphType
{
    /// <summary>The handler: typed input, the service it commands, the context; returns the payload.</summary>
    public FieldType Handle<TInput, TService>(Func<TInput, TService, MutationContext, Task<object>> handler)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!typeof(InputObjectGraphType<TInput>).IsAssignableFrom(typeof(TInputGraph)))
        {
            // Caught when the schema is built (start-up and every test), not by the first client.
            throw new InvalidOperationException($"The mutation {name} reads its input as {typeof(TInput).Name}, which {typeof(TInputGraph).Name} does not describe.");
        }

        return mutation.Field<NonNullGraphType<TPayloadGraph>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputGraph>>("input")
            .RequireRole(role)
            .Resolve()
            .WithService<TService>()
            .ResolveAsync(async (context, service) => await handler(context.GetArgument<TInput>("input"), service, new MutationContext(context)))
            .FieldType;
    }
}

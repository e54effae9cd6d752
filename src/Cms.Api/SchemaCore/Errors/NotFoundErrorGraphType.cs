using Cms.Model.Editing;
using Cms.Model.Outcomes;
using GraphQL.Types;

namespace Cms.Api.SchemaCore;

public sealed class NotFoundErrorGraphType() : UserErrorGraphType<NotFoundError>("NotFoundError", "The object the mutation names does not exist.");

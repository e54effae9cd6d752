using Cms.Model.Outcomes;

namespace Cms.Api.SchemaCore;

public sealed class NotFoundErrorGraphType() : UserErrorGraphType<NotFoundError>("NotFoundError", "The object the mutation names does not exist.");

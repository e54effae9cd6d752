using Cms.Api.SchemaCore;
using Cms.Model.Outcomes;

namespace Cms.Api.Articles;

public sealed class InvalidStateErrorGraphType() : UserErrorGraphType<InvalidStateError>(
    "InvalidStateError", "The article is in a state that does not allow this (archived, deleted, not published…).");

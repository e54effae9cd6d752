using Cms.Api.SchemaCore;
using Cms.Model.Articles;
using Cms.Model.Taxonomy;
using GraphQL.Types;

namespace Cms.Api.Articles;

public sealed class CancelScheduledPublicationInputGraphType() : ArticleCommandInputGraphType<ArticleCommandInput>("CancelScheduledPublicationInput");

// A front end's Relay fragments over the CMS schema: a paginated list of articles and a refetchable article card.
// relay.mjs compiles them against schema.graphql; the suite fails when the schema stops supporting them.
import { graphql } from 'react-relay';

export const articleListQuery = graphql`
  query ArticleListQuery {
    ...ArticleList_query
  }
`;

export const articleList = graphql`
  fragment ArticleList_query on Query
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" })
  @refetchable(queryName: "ArticleListPaginationQuery") {
    articles(first: $count, after: $cursor, order: [{ historicalDate: DESC }])
      @connection(key: "ArticleList_articles") {
      edges {
        node {
          id
          slug
          ...ArticleCard_article
        }
      }
    }
  }
`;

export const articleCard = graphql`
  fragment ArticleCard_article on Article @refetchable(queryName: "ArticleCardRefetchQuery") {
    id
    title
    historicalDate {
      display
    }
    tags { slug label }
  }
`;

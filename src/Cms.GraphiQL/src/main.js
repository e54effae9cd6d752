// GraphiQL as the CMS serves it: bundled at build time (no CDN), so it works offline and under a Content-Security-Policy
// that allows scripts, workers and connections only from the API's own origin.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './page.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The page is served at the GraphQL endpoint itself (a browser's GET with Accept: text/html), so the endpoint is the
// page's own path, wherever the operator mapped it.
const endpoint = window.location.pathname;

const exampleQuery = `# GraphiQL for this CMS. Ctrl+Space completes, Ctrl+Enter runs, the book icon opens the schema's documentation.
#
# Readers see published content without credentials. Editors add an API key in the Headers tab below:
#   { "X-Api-Key": "cmsk_..." }
# and can then ask for drafts (stage: DRAFT), versions, comparisons and mutations.
# Subscriptions run here too: subscription { articleChanged { type slug article { title } } }

query LatestEvents {
  articles(first: 3) {
    nodes {
      title
      slug
      summary
      historicalDate { display }
      tags { label slug }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

// Subscriptions go over WebSocket (graphql-transport-ws) on the same endpoint; the Headers tab's entries, such as
// X-Api-Key, travel in connection_init, where the server reads a socket's credentials.
const socketUrl = `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}${endpoint}`;
const fetcher = createGraphiQLFetcher({ url: endpoint, subscriptionUrl: socketUrl });

createRoot(document.getElementById('graphiql')).render(
  createElement(
    StrictMode,
    null,
    createElement(GraphiQL, {
      fetcher,
      defaultQuery: exampleQuery,
      defaultTabs: [{ query: exampleQuery }],
      isHeadersEditorEnabled: true,
      // Headers hold API keys: keep them out of localStorage unless the user opts in from the settings dialog.
      shouldPersistHeaders: false,
    }),
  ),
);

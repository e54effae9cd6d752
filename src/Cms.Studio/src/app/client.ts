import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import type { DocumentNode } from 'graphql';
import { createClient as createWsClient, type SubscribePayload } from 'graphql-ws';
import type { Credentials } from './credentials';

export const graphqlPath = '/graphql';

/**
 * The trusted-document id of an operation (graphql-codegen writes every operation's text into the server's allow-list
 * and leaves only this id in the bundle), for the requests made without urql: sign-in and multipart uploads.
 */
export function documentIdOf(document: DocumentNode): string {
  const id = (document as DocumentNode & { documentId?: string }).documentId;
  if (!id) {
    throw new Error('An operation without a trusted-document id: regenerate src/gql with graphql-codegen.');
  }
  return id;
}

// urql: a small client with a document cache, refetching after mutations of the same types, and a subscription
// exchange over graphql-ws (the protocol the server speaks on the same endpoint). The credentials' headers go on every
// request and in connection_init, read afresh each time (a token may have been renewed).
export function createStudioClient(credentials: Credentials): Client {
  const socketUrl = new URL(graphqlPath, window.location.href);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const sockets = createWsClient({ url: socketUrl.toString(), connectionParams: () => credentials.headers(), lazy: true });
  return new Client({
    url: graphqlPath,
    requestPolicy: 'cache-and-network',
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      for (const [name, value] of Object.entries(await credentials.headers())) {
        headers.set(name, value);
      }
      return fetch(input, { ...init, headers });
    },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          // A trusted document travels as its documentId, as over HTTP; graphql-ws insists on a query string, so it is empty.
          const input: SubscribePayload = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              return { unsubscribe: sockets.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
  });
}

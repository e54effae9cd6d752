import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import type { DocumentNode } from 'graphql';
import { createClient as createWsClient, type SubscribePayload } from 'graphql-ws';

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
// exchange over graphql-ws (the protocol the server speaks on the same endpoint). Credentials go in a header and in
// connection_init, never in a cookie, so the server needs no CSRF defence for the studio.
export function createStudioClient(apiKey: string): Client {
  const socketUrl = new URL(graphqlPath, window.location.href);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const sockets = createWsClient({ url: socketUrl.toString(), connectionParams: { 'X-Api-Key': apiKey }, lazy: true });
  return new Client({
    url: graphqlPath,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: { 'X-Api-Key': apiKey } }),
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

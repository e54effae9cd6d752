import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';

export const graphqlPath = '/graphql';

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
          const input = { ...request, query: request.query ?? '' };
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

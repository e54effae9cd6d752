// A real Apollo Client (the one front ends use) with its persisted-query link, run against the API.
// It runs one query twice, each time with a fresh cache, and prints what it sent and received as JSON.
// Usage: node apollo-client.mjs <graphql url> <query> [get]
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

const [url, query, method] = process.argv.slice(2);
const sent = [];

// Record every HTTP request the client makes, so the test can check the APQ round trips.
const recordingFetch = async (input, init) => {
  const target = new URL(typeof input === 'string' ? input : input.url);
  const body = init?.body ? JSON.parse(init.body) : null;
  const extensions = body?.extensions ?? (target.searchParams.has('extensions') ? JSON.parse(target.searchParams.get('extensions')) : null);
  const response = await fetch(input, init);
  sent.push({
    method: init?.method ?? 'GET',
    hasQuery: Boolean(body?.query ?? target.searchParams.get('query')),
    hash: extensions?.persistedQuery?.sha256Hash ?? null,
    status: response.status,
  });
  return response;
};

const results = [];
for (let run = 0; run < 2; run++) {
  const link = new PersistedQueryLink({
    sha256: (text) => createHash('sha256').update(text).digest('hex'),
    useGETForHashedQueries: method === 'get',
  }).concat(new HttpLink({ uri: url, fetch: recordingFetch }));
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  try {
    const result = await client.query({ query: gql(query), fetchPolicy: 'no-cache' });
    results.push({ data: result.data ?? null, error: result.error?.message ?? null });
  } catch (error) {
    results.push({ data: null, error: String(error?.message ?? error) });
  }
}
console.log(JSON.stringify({ results, sent }));

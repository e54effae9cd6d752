// A subscriber for the .NET tests, with the real graphql-ws and graphql-sse clients. One JSON line per happening:
// { kind: "connected" } | { kind: "next", index, value } | { kind: "error", index, error } | { kind: "complete", index }
// | { kind: "closed", code, reason }.
//
//   node subscribe.mjs ws|sse <graphql-url> <credentials-json> <query> [count]
// ws: the credentials go in connection_init's payload; sse: they are request headers (distinct-connections mode).
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';

const [mode, url, credentialsJson, query, countText] = process.argv.slice(2);
const credentials = JSON.parse(credentialsJson || '{}');
const count = Number(countText || '1');
const out = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const describe = (error) => {
  if (Array.isArray(error)) return error;
  if (error && typeof error === 'object' && 'code' in error) return { code: error.code, reason: error.reason };
  return { message: String(error?.message ?? error) };
};

let client;
if (mode === 'ws') {
  client = createWsClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: credentials,
    lazy: false,
    retryAttempts: 0,
    keepAlive: 0,
    on: {
      connected: () => out({ kind: 'connected' }),
      closed: (event) => {
        out({ kind: 'closed', code: event?.code ?? null, reason: event?.reason ?? null });
        setTimeout(() => process.exit(0), 50);
      },
    },
    onNonLazyError: () => {},
  });
} else {
  client = createSseClient({ url, headers: credentials, singleConnection: false, retryAttempts: 0 });
  out({ kind: 'connected' });
}

for (let index = 0; index < count; index++) {
  client.subscribe({ query }, {
    next: (value) => out({ kind: 'next', index, value }),
    error: (error) => out({ kind: 'error', index, error: describe(error) }),
    complete: () => out({ kind: 'complete', index }),
  });
}

process.on('SIGTERM', () => {
  client.dispose?.();
  process.exit(0);
});

// A webhook receiver for the .NET tests: every delivery's signature is checked with the `standardwebhooks` package (an
// implementation independent of the server's), and each route answers as the test scripted it.
//
//   node webhook-receiver.mjs <port>
//   PUT  /_routes/<name>  { secrets: ["whsec_…"], plan: [{ status, delayMs, retryAfter, location }], fallback: { status } }
//   GET  /_routes/<name>  → { received: [{ id, timestamp, type, data, verified, signatures, verifiedWith, at }] }
//   POST /<name>          a delivery: recorded, then answered with plan[n] (n = deliveries so far) or the fallback
import http from 'node:http';
import { Webhook } from 'standardwebhooks';

const port = Number(process.argv[2]);
const routes = new Map();

function route(name) {
  if (!routes.has(name)) routes.set(name, { secrets: [], plan: [], fallback: { status: 200 }, received: [] });
  return routes.get(name);
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response, status, value) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

const server = http.createServer(async (request, response) => {
  const url = new URL(request.url, 'http://receiver');
  const body = await readBody(request);
  if (url.pathname.startsWith('/_routes/')) {
    const name = decodeURIComponent(url.pathname.slice('/_routes/'.length));
    if (request.method === 'PUT') {
      const config = JSON.parse(body);
      const target = route(name);
      target.secrets = config.secrets ?? target.secrets;
      target.plan = config.plan ?? target.plan;
      target.fallback = config.fallback ?? target.fallback;
      return json(response, 204, {});
    }
    return json(response, 200, { received: route(name).received });
  }

  const target = route(decodeURIComponent(url.pathname.slice(1)));
  const headers = {
    'webhook-id': request.headers['webhook-id'],
    'webhook-timestamp': request.headers['webhook-timestamp'],
    'webhook-signature': request.headers['webhook-signature'],
  };
  const verifiedWith = [];
  target.secrets.forEach((secret, index) => {
    try {
      new Webhook(secret).verify(body, headers);
      verifiedWith.push(index);
    } catch {
      // Not signed with this secret.
    }
  });
  let parsed = null;
  try { parsed = JSON.parse(body); } catch { parsed = null; }
  const answer = target.plan[target.received.length] ?? target.fallback;
  target.received.push({
    id: headers['webhook-id'],
    timestamp: headers['webhook-timestamp'],
    type: parsed?.type ?? null,
    data: parsed?.data ?? null,
    bodyTimestamp: parsed?.timestamp ?? null,
    verified: verifiedWith.length > 0,
    verifiedWith,
    signatures: (headers['webhook-signature'] ?? '').split(' ').filter((s) => s.length > 0).length,
    contentType: request.headers['content-type'] ?? null,
    at: Date.now(),
  });
  if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
  const responseHeaders = { 'content-type': 'text/plain' };
  if (answer.retryAfter !== undefined) responseHeaders['retry-after'] = String(answer.retryAfter);
  if (answer.location) responseHeaders.location = answer.location;
  response.writeHead(answer.status ?? 200, responseHeaders);
  response.end(answer.body ?? `answered ${answer.status ?? 200}`);
});

server.listen(port, '127.0.0.1');

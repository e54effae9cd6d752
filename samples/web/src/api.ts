// The one module that talks to the CMS.
//
// Queries go as GET requests in Apollo's automatic-persisted-queries protocol: first only the document's
// SHA-256 hash; if the server does not know it (PERSISTED_QUERY_NOT_FOUND), once more with the text, which
// registers it. GET answers to anonymous requests are cacheable by browsers and CDNs (ETag, Cache-Control),
// which POST answers never are. Mutations go as POST with a JSON body.
//
// The hash is the one graphql-codegen computed and embedded in each generated document; the text sent with
// it is the exact text of persisted-documents.json under that hash, so the server's check of text against
// hash passes, and the same file works as the CMS's trusted-documents allow-list.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import persistedDocuments from './generated/persisted-documents.json';

const ENDPOINT = '/graphql';
const ACCEPT = 'application/graphql-response+json, application/json';
// Persisted GETs ask for plain JSON: under it a server answers a hash it does not know yet with 200 and the
// PERSISTED_QUERY_NOT_FOUND error (GraphQL over HTTP), so a first visit logs no failed request in the console.
// Every GET sends the same Accept, so browsers and CDNs keep one cached variant per query.
const QUERY_ACCEPT = 'application/json';
const documentsByHash: Readonly<Record<string, string>> = persistedDocuments;

/** Credentials a request may carry: an API key (editor page) or a preview token (preview page). */
export interface Credentials {
  apiKey?: string | undefined;
  previewToken?: string | undefined;
}

export interface RequestOptions extends Credentials {
  signal?: AbortSignal | undefined;
}

/** One entry of a GraphQL response's top-level `errors`. */
export interface GraphQLErrorItem {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: ReadonlyArray<string | number>;
}

/** A request that failed: GraphQL errors from the server, or an HTTP/network failure described as one. */
export class GraphQLRequestError extends Error {
  readonly errors: GraphQLErrorItem[];
  readonly status: number;
  readonly data: unknown;

  constructor(errors: GraphQLErrorItem[], status: number, data: unknown = null) {
    super(errors.map((e) => (e.extensions?.code ? `${e.message} (${e.extensions.code})` : e.message)).join('; '));
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    this.status = status;
    this.data = data;
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorItem[];
}

interface PersistedDocument {
  hash: string;
  text: string;
  operationName: string | undefined;
}

type AnyDocument = TypedDocumentNode<unknown, unknown>;
const resolved = new WeakMap<object, PersistedDocument>();

/** The hash, text and operation name of a generated document. */
function persisted(document: AnyDocument): PersistedDocument {
  const cached = resolved.get(document);
  if (cached) return cached;
  const meta = (document as { __meta__?: { hash?: unknown } }).__meta__;
  const hash = typeof meta?.hash === 'string' ? meta.hash : undefined;
  const text = hash === undefined ? undefined : documentsByHash[hash];
  if (hash === undefined || text === undefined) {
    throw new Error('This document has no persisted hash or text; run `npm run codegen`.');
  }
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  const operationName = operation && 'name' in operation ? operation.name?.value : undefined;
  const result = { hash, text, operationName };
  resolved.set(document, result);
  return result;
}

function headers(options: RequestOptions, accept: string, extra: Record<string, string> = {}): Headers {
  const result = new Headers({ Accept: accept, ...extra });
  if (options.apiKey) result.set('X-Api-Key', options.apiKey);
  if (options.previewToken) result.set('X-Preview-Token', options.previewToken);
  return result;
}

/** Variables without undefined members, or undefined when nothing is left (then `variables` is omitted). */
function cleanVariables(variables: unknown): Record<string, unknown> | undefined {
  if (variables === null || typeof variables !== 'object') return undefined;
  const entries = Object.entries(variables as Record<string, unknown>).filter(([, value]) => value !== undefined);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

async function send<T>(input: string, init: RequestInit): Promise<{ status: number; body: GraphQLResponse<T> }> {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new GraphQLRequestError([{ message: `The CMS could not be reached: ${String(error)}`, extensions: { code: 'NETWORK_ERROR' } }], 0);
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (!/json/i.test(type)) {
    const text = (await response.text()).trim().slice(0, 200);
    throw new GraphQLRequestError(
      [{ message: `The CMS answered HTTP ${response.status} ${response.statusText}${text ? `: ${text}` : ''}`, extensions: { code: `HTTP_${response.status}` } }],
      response.status,
    );
  }
  const body = (await response.json()) as GraphQLResponse<T>;
  return { status: response.status, body };
}

function unwrap<T>(status: number, body: GraphQLResponse<T>): T {
  if (body.errors && body.errors.length > 0) throw new GraphQLRequestError(body.errors, status, body.data ?? null);
  if (body.data === undefined || body.data === null) {
    throw new GraphQLRequestError([{ message: `The CMS answered HTTP ${status} without data.`, extensions: { code: `HTTP_${status}` } }], status);
  }
  return body.data;
}

function queryUrl(document: PersistedDocument, variables: Record<string, unknown> | undefined, withText: boolean): string {
  const params = new URLSearchParams();
  if (withText) params.set('query', document.text);
  if (document.operationName) params.set('operationName', document.operationName);
  if (variables) params.set('variables', JSON.stringify(variables));
  params.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: document.hash } }));
  return `${ENDPOINT}?${params.toString()}`;
}

/**
 * Runs a query as a persisted GET. Throws GraphQLRequestError when the answer carries errors (even beside
 * partial data), so pages never show half an answer silently.
 */
export async function query<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const doc = persisted(document as AnyDocument);
  const vars = cleanVariables(variables);
  const init: RequestInit = { method: 'GET', headers: headers(options, QUERY_ACCEPT), signal: options.signal ?? null };
  let { status, body } = await send<TResult>(queryUrl(doc, vars, false), init);
  if (body.errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
    ({ status, body } = await send<TResult>(queryUrl(doc, vars, true), init));
  }
  return unwrap(status, body);
}

/** Runs a mutation as a POST with a JSON body. */
export async function mutate<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const doc = persisted(document as AnyDocument);
  const payload = { query: doc.text, operationName: doc.operationName, variables: cleanVariables(variables) ?? {} };
  const { status, body } = await send<TResult>(ENDPOINT, {
    method: 'POST',
    headers: headers(options, ACCEPT, { 'Content-Type': 'application/json' }),
    body: JSON.stringify(payload),
    signal: options.signal ?? null,
  });
  return unwrap(status, body);
}

/** Whether an error is the abort of a request the page no longer needs. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The errors to show for anything a request threw. */
export function errorsOf(error: unknown): GraphQLErrorItem[] {
  if (error instanceof GraphQLRequestError) return error.errors;
  return [{ message: error instanceof Error ? error.message : String(error) }];
}

import type { Client } from '@urql/core';
import { documentIdOf, graphqlPath } from '../app/client';
import type { Credentials } from '../app/credentials';
import { payloadOf, type UserErrorData } from '../app/errors';
import type { AssetData } from './assetData';
import { StudioBeginUploadDocument as BeginUpload, StudioCompleteUploadDocument as CompleteUpload, StudioUploadDocument as MultipartUpload } from '../gql/graphql';

export type UploadOutcome = { asset: AssetData; errors: [] } | { asset: null; errors: UserErrorData[] };

interface Payload {
  errors: UserErrorData[];
}

/**
 * Uploads one file the way the API recommends: beginMediaUpload, the bytes PUT straight to the returned URL (storage,
 * not this server, when the store signs its own), completeMediaUpload. Where that path is unavailable (the store or a
 * proxy refuses the PUT), the same file goes as a GraphQL multipart request. Progress is reported for either.
 */
export async function uploadFile(client: Client, credentials: Credentials, file: File, onProgress: (fraction: number) => void): Promise<UploadOutcome> {
  const contentType = file.type || 'application/octet-stream';
  const begun = payloadOf(
    await client.mutation(BeginUpload, { input: { byteSize: file.size, contentType, fileName: file.name } }).toPromise(),
    'beginMediaUpload',
  );
  if (begun.errors.some((error) => error.__typename === 'ValidationError')) {
    return { asset: null, errors: begun.errors };
  }

  if (begun.payload?.upload) {
    const { id, url, headers } = begun.payload.upload;
    const status = await send('PUT', new URL(url, window.location.href).toString(), file, headers, onProgress);
    if (status >= 200 && status < 300) {
      return outcome(payloadOf(await client.mutation(CompleteUpload, { input: { uploadId: id } }).toPromise(), 'completeMediaUpload'));
    }
    if (status !== 0 && status < 500 && status !== 403 && status !== 405) {
      return { asset: null, errors: [{ __typename: 'UploadError', code: `HTTP_${status}`, message: `The file was refused (HTTP ${status}).` }] };
    }
  }

  // The fallback: a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec).
  const form = new FormData();
  form.append('operations', JSON.stringify({ documentId: documentIdOf(MultipartUpload), variables: { input: { file: null } } }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', file, file.name);
  const headers = [
    ...Object.entries(await credentials.headers()).map(([name, value]) => ({ name, value })),
    { name: 'GraphQL-Preflight', value: '1' },
    { name: 'Accept', value: 'application/graphql-response+json, application/json' },
  ];
  const response = await sendForJson(graphqlPath, form, headers, onProgress);
  if (!response) {
    return { asset: null, errors: [{ __typename: 'UploadError', code: 'NETWORK_ERROR', message: 'The file could not be sent. Check the connection and try again.' }] };
  }
  const data = response as { data?: { uploadMediaAsset?: Payload & { mediaAsset: AssetData | null } }; errors?: { message: string; extensions?: { code?: string } }[] };
  const payload = data.data?.uploadMediaAsset;
  if (!payload) {
    const first = data.errors?.[0];
    return { asset: null, errors: [{ __typename: 'RequestError', code: first?.extensions?.code ?? 'REQUEST_FAILED', message: first?.message ?? 'The upload failed.' }] };
  }
  return outcome({ payload, errors: payload.errors });
}

function outcome(result: { payload: (Payload & { mediaAsset: AssetData | null }) | null; errors: UserErrorData[] }): UploadOutcome {
  return result.payload?.mediaAsset && result.errors.length === 0 ? { asset: result.payload.mediaAsset, errors: [] } : { asset: null, errors: result.errors };
}

// XMLHttpRequest rather than fetch: only it reports upload progress in every browser.
function request(method: string, url: string, headers: { name: string; value: string }[], onProgress: (fraction: number) => void) {
  const xhr = new XMLHttpRequest();
  xhr.open(method, url);
  for (const header of headers) {
    xhr.setRequestHeader(header.name, header.value);
  }
  xhr.upload.addEventListener('progress', (event) => {
    if (event.lengthComputable && event.total > 0) {
      onProgress(event.loaded / event.total);
    }
  });
  return xhr;
}

function send(method: string, url: string, body: Blob, headers: { name: string; value: string }[], onProgress: (fraction: number) => void): Promise<number> {
  return new Promise((resolve) => {
    const xhr = request(method, url, headers, onProgress);
    xhr.addEventListener('load', () => resolve(xhr.status));
    xhr.addEventListener('error', () => resolve(0));
    xhr.send(body);
  });
}

function sendForJson(url: string, body: FormData, headers: { name: string; value: string }[], onProgress: (fraction: number) => void): Promise<unknown> {
  return new Promise((resolve) => {
    const xhr = request('POST', url, headers, onProgress);
    xhr.addEventListener('load', () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        resolve(null);
      }
    });
    xhr.addEventListener('error', () => resolve(null));
    xhr.send(body);
  });
}

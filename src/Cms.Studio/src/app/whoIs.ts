import { documentIdOf, graphqlPath } from './client';
import type { Caller } from './caller';
import type { Credentials } from './credentials';
import { StudioSignInDocument, type StudioSignInQuery } from '../gql/graphql';

export type Check = { caller: Caller } | { problem: 'refused' | 'noRole' | 'unreachable' };

/** Asks the server who the credentials belong to; the studio shows the role, the server still decides every request. */
export async function whoIs(credentials: Credentials): Promise<Check> {
  try {
    const response = await fetch(graphqlPath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', ...(await credentials.headers()) },
      body: JSON.stringify({ documentId: documentIdOf(StudioSignInDocument) }),
    });
    if (response.status === 401 || response.status === 403) {
      return { problem: 'refused' };
    }

    const body = (await response.json()) as { data?: StudioSignInQuery; errors?: unknown[] };
    const me = body.data?.me;
    if (!me || body.errors?.length) {
      return { problem: 'refused' };
    }

    return me.role ? { caller: { name: me.name, role: me.role } } : { problem: 'noRole' };
  } catch {
    return { problem: 'unreachable' };
  }
}

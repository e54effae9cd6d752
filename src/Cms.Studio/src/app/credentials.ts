import { createContext, useContext } from 'react';

/**
 * What every request the studio makes carries, whichever way the editor signed in: an API key, or a bearer token from
 * the organisation's sign-in (fetched before each request, so a token renewed meanwhile is the one sent). Headers only,
 * never a cookie, so the server needs no CSRF defence for the studio.
 */
export interface Credentials {
  headers(): Promise<Record<string, string>>;
  signOut(): Promise<void>;
}

export const CredentialsContext = createContext<Credentials | null>(null);

export function useCredentials(): Credentials {
  const credentials = useContext(CredentialsContext);
  if (!credentials) {
    throw new Error('useCredentials outside a signed-in studio');
  }
  return credentials;
}

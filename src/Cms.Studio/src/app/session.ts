import type { Credentials } from './credentials';

// A pasted API key lives in sessionStorage: one tab, gone when the tab closes or the editor signs out.
const storageKey = 'cms-studio-api-key';

export function storedKey(): string | null {
  return sessionStorage.getItem(storageKey);
}

export function storeKey(key: string): void {
  sessionStorage.setItem(storageKey, key);
}

/** The credentials of a pasted key: its header on every request; signing out forgets it. */
export function apiKeyCredentials(key: string): Credentials {
  const headers = { 'X-Api-Key': key };
  return {
    headers: () => Promise.resolve(headers),
    signOut: () => {
      sessionStorage.removeItem(storageKey);
      return Promise.resolve();
    },
  };
}

import type { Caller } from './caller';
import type { Credentials } from './credentials';

// A pasted API key lives in sessionStorage: one tab, gone when the tab closes or the editor signs out. Beside it, who
// the server said the key belongs to, so a reload shows the studio at once while the key is checked again.
const storageKey = 'cms-studio-api-key';
const callerKey = 'cms-studio-caller';

export function storedKey(): string | null {
  return sessionStorage.getItem(storageKey);
}

/** Keeps a key the server accepted, with the caller it named. */
export function storeKey(key: string, caller: Caller): void {
  sessionStorage.setItem(storageKey, key);
  sessionStorage.setItem(callerKey, JSON.stringify(caller));
}

/** Records who the server now says this tab's key belongs to (a resumed key checked again: the role may have changed). */
export function rememberCaller(caller: Caller): void {
  if (storedKey()) {
    sessionStorage.setItem(callerKey, JSON.stringify(caller));
  }
}

/** The credentials of a pasted key: its header on every request; signing out forgets it. */
export function apiKeyCredentials(key: string): Credentials {
  const headers = { 'X-Api-Key': key };
  return {
    headers: () => Promise.resolve(headers),
    signOut: () => {
      sessionStorage.removeItem(storageKey);
      sessionStorage.removeItem(callerKey);
      return Promise.resolve();
    },
  };
}

/**
 * This tab's key and the caller the server named for it at sign-in, when both are kept: the studio starts with them
 * and checks the key in the background (a reload then costs no round trip before the screen's own query).
 */
export function resumedKeySession(): { credentials: Credentials; caller: Caller } | null {
  const key = storedKey();
  const caller = sessionStorage.getItem(callerKey);
  if (!key || !caller) {
    return null;
  }
  try {
    const parsed = JSON.parse(caller) as Partial<Caller>;
    return typeof parsed.name === 'string' && typeof parsed.role === 'string' ? { credentials: apiKeyCredentials(key), caller: parsed as Caller } : null;
  } catch {
    return null;
  }
}

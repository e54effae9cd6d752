// The signed-in key lives in sessionStorage: one tab, gone when the tab closes or the editor signs out.
const storageKey = 'cms-studio-api-key';

export function storedKey(): string | null {
  return sessionStorage.getItem(storageKey);
}

export function storeKey(key: string): void {
  sessionStorage.setItem(storageKey, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(storageKey);
}

// Dates in the browser's own locale and time zone.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** A time of today, such as when someone opened an article. */
export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** "api-key:editor-1" → "editor-1": the actor names the credential kind first. */
export function formatActor(actor: string | null | undefined): string {
  if (!actor) {
    return '—';
  }

  const colon = actor.indexOf(':');
  return colon >= 0 ? actor.slice(colon + 1) : actor;
}

/** The browser's time zone, as schedules are entered and shown in it ("Europe/Berlin"). */
export function timeZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

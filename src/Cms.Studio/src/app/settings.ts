// The deployment's settings the studio needs (where previews open), read once from /studio/settings.json.
export interface StudioSettings {
  previewUrl: string;
}

let loading: Promise<StudioSettings> | null = null;

export function studioSettings(): Promise<StudioSettings> {
  loading ??= fetch('/studio/settings.json', { headers: { Accept: 'application/json' } }).then((response) => {
    if (!response.ok) {
      throw new Error(`The studio's settings could not be read (HTTP ${response.status}).`);
    }
    return response.json() as Promise<StudioSettings>;
  });
  return loading;
}

/** The preview page's address for one article: the template's placeholders replaced, URL-encoded. */
export function previewAddress(template: string, article: { id: string; slug: string }, token: string): string {
  return template
    .replaceAll('{token}', encodeURIComponent(token))
    .replaceAll('{slug}', encodeURIComponent(article.slug))
    .replaceAll('{id}', encodeURIComponent(article.id));
}

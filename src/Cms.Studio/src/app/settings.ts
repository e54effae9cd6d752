// The deployment's settings the studio needs before its first query (where previews open, whether editors can sign in
// with their organisation account), read once from /studio/settings.json.
export interface StudioSettings {
  previewUrl: string;
  signIn?: OrganisationSignIn;
}

/** Where editors sign in with MSAL: the authority (Entra ID or another OpenID Connect provider), the studio's client id, the API scopes. */
export interface OrganisationSignIn {
  authority: string;
  clientId: string;
  scopes: string[];
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

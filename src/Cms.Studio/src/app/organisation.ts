// Organisation sign-in with MSAL (Microsoft's own library for Entra ID): the authorization code flow with PKCE, the
// browser being a public client with no secret. Loaded only on a deployment that configures it, so the first screen of
// one that does not ships none of it.
import {
  BrowserCacheLocation,
  InteractionRequiredAuthError,
  ProtocolMode,
  PublicClientApplication,
  type AccountInfo,
} from '@azure/msal-browser';
import type { Credentials } from './credentials';
import type { OrganisationSignIn } from './settings';

// The studio's root is its redirect URI (one to register, whatever page sign-in starts on): MSAL reads the answer
// there and returns to the page the editor was on.
const redirectUri = new URL('/studio/', window.location.origin).href;

const entraHosts = new Set(['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn', 'login.partner.microsoftonline.cn']);

let application: Promise<PublicClientApplication> | null = null;

function msal(settings: OrganisationSignIn): Promise<PublicClientApplication> {
  application ??= (async () => {
    const authority = new URL(settings.authority);
    // Entra ID (each cloud's sign-in host, and External ID's) gets MSAL's own protocol (instance discovery, client
    // info); any other provider plain OpenID Connect, trusted by name because no Microsoft discovery vouches for it.
    const entra = entraHosts.has(authority.hostname) || authority.hostname.endsWith('.ciamlogin.com');
    const app = new PublicClientApplication({
      auth: {
        clientId: settings.clientId,
        authority: settings.authority,
        redirectUri,
        postLogoutRedirectUri: redirectUri,
        knownAuthorities: entra ? [] : [authority.host],
      },
      // Tokens live as long as the tab, like a pasted key.
      cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
      system: { protocolMode: entra ? ProtocolMode.AAD : ProtocolMode.OIDC },
    });
    await app.initialize();
    return app;
  })();
  return application;
}

/** Leaves for the authority's sign-in page; the studio comes back to this page signed in. */
export async function beginSignIn(settings: OrganisationSignIn): Promise<void> {
  const app = await msal(settings);
  await app.loginRedirect({ scopes: settings.scopes, redirectStartPage: window.location.href });
}

/** Completes a sign-in the authority has just answered, or resumes this tab's; null when the tab has none. */
export async function resumeSignIn(settings: OrganisationSignIn): Promise<Credentials | null> {
  const app = await msal(settings);
  const answer = await app.handleRedirectPromise();
  const account = answer?.account ?? app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null;
  if (!account) {
    return null;
  }
  app.setActiveAccount(account);
  return tokenCredentials(app, account, settings.scopes);
}

function tokenCredentials(app: PublicClientApplication, account: AccountInfo, scopes: string[]): Credentials {
  return {
    async headers() {
      try {
        // From the cache while valid, renewed with the refresh token when not.
        const token = await app.acquireTokenSilent({ account, scopes });
        return { Authorization: `Bearer ${token.accessToken}` };
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) {
          // The session at the authority has ended: sign in again there, back to this page.
          await app.acquireTokenRedirect({ account, scopes, redirectStartPage: window.location.href });
        }
        throw error;
      }
    },
    // The ID token tells the authority whose session ends and vouches for the return address (OpenID Connect RP-initiated logout).
    signOut: () => app.logoutRedirect({ account, idTokenHint: account.idToken }),
  };
}

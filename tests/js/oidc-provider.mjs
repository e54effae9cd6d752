// A real OpenID Connect provider on HTTPS loopback (npm's oidc-provider, certified by the OpenID Foundation), standing in
// for Microsoft Entra ID in the studio's sign-in tests: authorization code with PKCE for a public browser client, access
// tokens as JWTs for one API audience carrying an app-role claim ("roles") as Entra ID issues them.
//
//   node oidc-provider.mjs <port> <certificate.pem> <key.pem> <settings.json>
//
// settings.json: { "clientId", "redirectUri", "audience", "scope", "accounts": { "<login>": { "name", "roles": [] } } }.
// Sign-in uses the provider's development pages: any password, the login names an account of the settings.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import Provider from 'oidc-provider';

const [port, certificatePath, keyPath, settingsPath] = process.argv.slice(2);
const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
const issuer = `https://127.0.0.1:${port}`;
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: settings.clientId,
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [settings.redirectUri],
      post_logout_redirect_uris: [settings.redirectUri],
    },
  ],
  jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: ['studio-sign-in-tests'] },
  scopes: ['openid', 'profile', 'offline_access'],
  claims: { openid: ['sub'], profile: ['name'] },
  pkce: { required: () => true },
  async findAccount(_ctx, accountId) {
    const account = settings.accounts[accountId];
    return account && { accountId, claims: async () => ({ sub: accountId, name: account.name }) };
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // The studio asks for the API's scope without a resource parameter (as Entra ID clients do): the API is implied.
      defaultResource: async () => settings.audience,
      useGrantedResource: async () => true,
      getResourceServerInfo: async () => ({
        scope: settings.scope,
        audience: settings.audience,
        accessTokenTTL: 3600,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  async extraTokenClaims(_ctx, token) {
    const account = token.kind === 'AccessToken' ? settings.accounts[token.accountId] : undefined;
    return account && { name: account.name, roles: account.roles };
  },
});

createServer({ cert: readFileSync(certificatePath), key: readFileSync(keyPath) }, provider.callback()).listen(Number(port), '127.0.0.1', () => {
  console.log(`OpenID Connect provider at ${issuer}`);
});

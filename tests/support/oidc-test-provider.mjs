// A real OpenID provider for the tests (the oidc-provider package), on a loopback port: one confidential client
// (Qadam) and a few test accounts. People sign in on its built-in development pages by typing an account's id.
// Plain JavaScript because the package ships no type declarations.
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import Provider from "oidc-provider";

/**
 * @typedef {{ email?: string; emailVerified?: boolean; name?: string }} TestAccount
 * @param {{ port: number; issuer: string; clientId: string; clientSecret: string; redirectUris: string[];
 *   accounts: Record<string, TestAccount> }} options
 * @returns {Promise<{ issuer: string; close: () => Promise<void> }>}
 */
export async function startOidcTestProvider(options) {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: `test-${Date.now()}`, use: "sig", alg: "RS256" };
  const provider = new Provider(options.issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["oidc-test-provider-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = options.accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: account.email, email_verified: account.emailVerified, name: account.name };
        },
      };
    },
    // Qadam is this provider's own first-party client: no consent page, every requested scope is granted.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const server = createServer(provider.callback());
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve(undefined));
  });
  return {
    issuer: options.issuer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Where the tests' OpenID provider listens and the client it knows Qadam by. Apart from the provider itself
// (oidc-test-provider.mjs) so that the e2e server can read them without loading the provider package.

/**
 * The provider the e2e server is configured for: its port is the app's + 1000, so suites on other ports keep apart.
 * @param {number | string} appPort
 */
export function oidcTestSettings(appPort) {
  const port = Number(appPort) + 1000;
  return {
    port,
    issuer: `http://127.0.0.1:${port}`,
    clientId: "qadam-e2e",
    clientSecret: "qadam-e2e-client-secret-0123456789",
    redirectUri: `http://127.0.0.1:${appPort}/auth/sso/callback`,
  };
}

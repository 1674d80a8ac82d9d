// Where the e2e server's mail goes: a real SMTP server (smtp-mailbox.mjs) that the e2e server starts beside the app,
// and the file it writes each received message to, one JSON line each, for tests/e2e/mail.spec.ts to read. Apart
// from the mailbox itself so that a spec can read the settings without loading the SMTP packages.

/**
 * The mailbox of the e2e server on `appPort`: its SMTP port is the app's + 2000 (the OpenID provider has + 1000), so
 * suites on other ports keep apart.
 * @param {number | string} appPort
 */
export function mailTestSettings(appPort) {
  const port = Number(appPort) + 2000;
  return { port, smtpUrl: `smtp://127.0.0.1:${port}`, file: `./data/e2e-${appPort}-mail.jsonl` };
}

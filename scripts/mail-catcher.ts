// A local mail catcher for development: a real SMTP server on 127.0.0.1 (default port 1025) that prints each message
// it receives (recipient, subject, language and plain text, links included) instead of delivering it.
// Usage: npm run mail:catcher [-- <port>], then start Qadam with SMTP_URL=smtp://127.0.0.1:1025
import { startSmtpCatcher } from "../tests/helpers/smtp-catcher";

const port = Number(process.argv[2] ?? 1025);
const catcher = await startSmtpCatcher(port);
console.log(`Mail catcher listening on ${catcher.url} — set SMTP_URL=${catcher.url} for Qadam.`);
let shown = 0;
setInterval(() => {
  for (const mail of catcher.messages.slice(shown)) {
    console.log(`\n=== To: ${mail.to.join(", ")} | ${mail.language ?? "?"} | ${mail.subject}\n${mail.text}`);
  }
  shown = catcher.messages.length;
}, 500);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void catcher.stop().then(() => process.exit(0)));
}

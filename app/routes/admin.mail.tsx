import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { OutboxTable, StateBadge, useKindLabel } from "~/components/mail/outbox-table";
import { useActionAnswer, useSubmittingIntent } from "~/components/ui/form-hooks";
import { FormMessage } from "~/components/ui/form-message";
import { useFormat } from "~/i18n/format";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { getEnv } from "~/lib/env.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { orNotFound, readFormData, runAction } from "~/lib/http.server";
import { titled } from "~/lib/meta";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseForm, parseSearchParams } from "~/lib/validation.server";
import { getOutboxMessage, listOutbox, retryOutboxMessage } from "~/models/admin/mail.server";
import { ErrorPanel } from "~/root";
import { idField } from "~/schemas/fields";
import mailStyles from "~/styles/mail.css?url";

export const meta = titled("mail.admin.title", "admin.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: mailStyles }];

const QuerySchema = z.object({
  page: z.coerce.number("common.errors.badRequest").int().min(1).max(100_000).optional(),
  message: idField.optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.mail");
  const query = parseSearchParams(QuerySchema, new URL(request.url));
  const [outbox, message] = await Promise.all([
    listOutbox({ page: query.page ?? 1 }),
    query.message ? orNotFound(() => getOutboxMessage(query.message ?? "")) : null,
  ]);
  return { ...outbox, message, smtpConfigured: Boolean(getEnv().SMTP_URL) };
}

const RetrySchema = z.object({ intent: z.literal("retry", "common.errors.badRequest"), id: idField });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.mail");
  const parsed = parseForm(RetrySchema, await readFormData(request), { intent: "retry" });
  if (!parsed.ok) return parsed.response;
  const address = { intent: "retry", itemId: parsed.data.id };
  return runAction(address, async () => {
    await retryOutboxMessage({ context: auditContextFor(user), id: parsed.data.id });
    return redirectWithFlash(`/admin/mail?message=${parsed.data.id}`, { kind: "success", key: "mail.admin.sentAgain" });
  });
}

export default function MailPage() {
  const { t } = useTranslation();
  const { rows, total, page, pages, message, smtpConfigured } = useLoaderData<typeof loader>();
  return (
    <div className="stack" data-testid="mail-page">
      <h2>{t("mail.admin.title")}</h2>
      <p className="muted">{t("mail.admin.intro")}</p>
      <p className={smtpConfigured ? "notice" : "flash error"} data-testid="smtp-status">
        {smtpConfigured ? t("mail.admin.smtpOn") : t("mail.admin.noSmtp")}
      </p>
      {message ? <MessageView message={message} page={page} /> : null}
      {total === 0 ? (
        <p className="panel muted">{t("mail.admin.empty")}</p>
      ) : (
        <>
          <OutboxTable rows={rows} page={page} />
          <nav className="pagination" aria-label={t("mail.admin.title")}>
            {page > 1 ? <Link to={`?page=${page - 1}`}>← {t("mail.admin.previous")}</Link> : null}
            <span>{t("mail.admin.page", { page, pages })}</span>
            {page < pages ? <Link to={`?page=${page + 1}`}>{t("mail.admin.next")} →</Link> : null}
          </nav>
        </>
      )}
    </div>
  );
}

type Message = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["message"]>;

/**
 * One message as written: its plain text, and its HTML in a sandboxed frame (no scripts, no same-origin access, no
 * forms), so a message can never act inside the admin's session.
 */
function MessageView({ message, page }: { message: Message; page: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindLabel = useKindLabel();
  const answer = useActionAnswer("retry", message.id);
  const retrying = useSubmittingIntent("retry", message.id);
  return (
    <section className="panel stack" aria-labelledby="mail-message" data-testid="mail-message">
      <p>
        <Link to={`?page=${page}`}>← {t("mail.admin.back")}</Link>
      </p>
      <h3 id="mail-message">{message.subject}</h3>
      <p className="muted">
        {message.toAddress} · {kindLabel(message.kind)} · {t("mail.admin.language")}: {message.locale} ·{" "}
        <StateBadge state={message.state} /> · {t("mail.admin.created")}: {format.dateTime(message.createdAt)}
      </p>
      <FormMessage answer={answer} />
      {message.state === "FAILED" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="retry" />
          <input type="hidden" name="id" value={message.id} />
          <button type="submit" disabled={retrying}>
            {t("mail.admin.sendAgain")}
          </button>
        </Form>
      ) : null}
      <h4>{t("mail.admin.textVersion")}</h4>
      <pre className="mail-text" data-testid="mail-text">
        {message.text}
      </pre>
      <h4>{t("mail.admin.htmlVersion")}</h4>
      <iframe
        title={t("mail.admin.htmlVersion")}
        sandbox=""
        srcDoc={message.html}
        className="mail-html"
        data-testid="mail-html"
      />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}

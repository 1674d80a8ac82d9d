import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useIsSubmitting } from "~/components/ui/form-hooks";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData } from "~/lib/http.server";
import { titled } from "~/lib/meta";
import { DIGEST_FREQUENCIES } from "~/lib/reminder-rules";
import { parseForm } from "~/lib/validation.server";
import { readPreferences, setPreferences } from "~/models/notify/preferences.server";
import { ErrorPanel } from "~/root";
import { NotificationPreferencesSchema } from "~/schemas/notifications";

export const meta = titled("notify.preferences.title");

/** Everyone chooses for themselves: the page reads and writes only the signed-in user's own preferences. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { preferences: await readPreferences(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(NotificationPreferencesSchema, await readFormData(request), { intent: "preferences" });
  if (!parsed.ok) return parsed.response;
  await setPreferences({ userId: user.id, ...parsed.data, context: auditContextFor(user) });
  return redirectWithFlash("/account/notifications", { kind: "success", key: "notify.preferences.saved" });
}

export default function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const { preferences } = useLoaderData<typeof loader>();
  const submitting = useIsSubmitting();
  return (
    <div className="panel" style={{ maxWidth: 640 }}>
      <h1>{t("notify.preferences.title")}</h1>
      <p className="muted">{t("notify.preferences.intro")}</p>
      <Form
        method="post"
        className="stack preferences-form"
        key={`${preferences.digest}:${String(preferences.eventMessages)}`}
      >
        <fieldset>
          <legend>{t("notify.preferences.digest")}</legend>
          {DIGEST_FREQUENCIES.map((frequency) => (
            <label key={frequency}>
              <input type="radio" name="digest" value={frequency} defaultChecked={preferences.digest === frequency} />{" "}
              {t(`notify.preferences.digestOptions.${frequency}`)}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" name="eventMessages" defaultChecked={preferences.eventMessages} />{" "}
          {t("notify.preferences.eventMessages")}
        </label>
        <p className="button-row">
          <button type="submit" disabled={submitting}>
            {submitting ? t("common.actions.saving") : t("notify.preferences.save")}
          </button>
          <Link to="/notifications">{t("notify.page.title")}</Link>
        </p>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}

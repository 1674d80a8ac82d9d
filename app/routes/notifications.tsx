import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import { requireUser } from "~/lib/auth.server";
import { dayOf } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData, runAction } from "~/lib/http.server";
import { titled } from "~/lib/meta";
import { parseForm } from "~/lib/validation.server";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationView,
} from "~/models/notify/inbox.server";
import { ErrorPanel } from "~/root";
import { NotificationIntentSchema } from "~/schemas/notifications";

export const meta = titled("notify.page.title");

/** Any signed-in user reads their own notifications (the list is scoped to what they can see). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { notifications: await listNotifications(user), today: dayOf(new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(NotificationIntentSchema, await readFormData(request));
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  if (input.intent === "markAllRead") {
    await markAllNotificationsRead(user);
    return redirectWithFlash("/notifications", { kind: "success", key: "notify.page.markedAll" });
  }
  return runAction({ intent: input.intent, itemId: input.id }, async () => {
    await markNotificationRead(user, input.id);
    return redirectWithFlash("/notifications", { kind: "success", key: "notify.page.marked" });
  });
}

function Detail({ item, today }: { item: NotificationView; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (item.kind === "returned" && item.detail)
    return <p className="review-comment">{t("notify.page.comment", { comment: item.detail })}</p>;
  if (item.kind === "dueSoon" && item.detail) {
    const late = item.detail < today;
    return (
      <p className={late ? "badge red" : "muted"}>
        {t(late ? "notify.page.overdueSince" : "notify.page.dueOn", { date: format.date(item.detail) })}
      </p>
    );
  }
  return null;
}

export default function NotificationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { notifications, today } = useLoaderData<typeof loader>();
  const unread = notifications.some((n) => !n.read);
  return (
    <div className="panel notifications-page">
      <h1>{t("notify.page.title")}</h1>
      <p className="muted">{t("notify.page.intro")}</p>
      <p className="button-row">
        {unread ? (
          <Form method="post">
            <button type="submit" name="intent" value="markAllRead">
              {t("notify.page.markAllRead")}
            </button>
          </Form>
        ) : null}
        <Link to="/account/notifications">{t("notify.page.settings")}</Link>
      </p>
      {notifications.length === 0 ? (
        <p data-testid="notifications-empty">{t("notify.page.empty")}</p>
      ) : (
        <ul className="notification-list" data-testid="notification-list">
          {notifications.map((item) => (
            <li key={item.id} className={item.read ? "notification" : "notification unread"} data-kind={item.kind}>
              <p className="notification-head">
                <span className={item.kind === "returned" ? "badge red" : "badge"}>
                  {t(`notify.kinds.${item.kind}`)}
                </span>
                {item.read ? null : <strong className="notification-unread">{t("notify.page.unread")}</strong>}
                <span className="muted">{format.dateTime(item.createdAt)}</span>
              </p>
              <p>
                <Link to={item.link}>{item.subject}</Link>
              </p>
              {item.project ? (
                <p className="muted">
                  {t("notify.page.project", { project: `${item.project.name} (${item.project.code})` })}
                </p>
              ) : null}
              <Detail item={item} today={today} />
              {item.read ? null : (
                <Form method="post">
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" name="intent" value="markRead" className="notification-mark">
                    {t("notify.page.markRead")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}

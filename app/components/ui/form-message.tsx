import { useTranslation } from "react-i18next";
import { messageKey } from "~/i18n/keys";
import type { ActionResult } from "~/lib/action-result";

/** The action's message for the whole form: a refusal (role="alert") or a confirmation (role="status"). */
export function FormMessage({ answer }: { answer: ActionResult<unknown> | null }) {
  const { t } = useTranslation();
  if (answer?.status === "refused")
    return (
      <p className="form-error" role="alert">
        {t(messageKey(answer.messageKey), answer.values)}
      </p>
    );
  if (answer?.status === "ok")
    return (
      <p className="flash success" role="status">
        {t(messageKey(answer.messageKey), answer.values)}
      </p>
    );
  return null;
}

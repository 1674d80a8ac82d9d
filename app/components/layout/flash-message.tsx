import { useTranslation } from "react-i18next";
import { messageKey } from "~/i18n/keys";
import type { Flash } from "~/lib/flash.server";

export function FlashMessage({ flash }: { flash: Flash }) {
  const { t } = useTranslation();
  return (
    <p className={`flash flash-${flash.kind}`} role={flash.kind === "error" ? "alert" : "status"} data-testid="flash">
      {t(messageKey(flash.key), flash.values)}
    </p>
  );
}

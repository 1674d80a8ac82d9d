import type { TFunction } from "i18next";
import { rememberedPerLanguage, useRemembered } from "~/i18n/remembered-labels";
import type { StatusColour } from "~/lib/status-rules";

const CLASS: Record<StatusColour, string> = {
  RED: "badge red",
  AMBER: "badge amber",
  GREEN: "badge green",
  COMPLETED: "badge ",
};

/** The four colours' names in the language of `t`. */
export function colourNames(t: TFunction): Record<StatusColour, string> {
  return {
    RED: t("portfolio.colours.RED"),
    AMBER: t("portfolio.colours.AMBER"),
    GREEN: t("portfolio.colours.GREEN"),
    COMPLETED: t("portfolio.colours.COMPLETED"),
  };
}

/** The colours' names, once per language: a list of badges asks for them once, not once per badge. */
export const colourWords = rememberedPerLanguage(colourNames);

/** A board colour with its name given (from `colourWords`): for lists, where each row draws one. */
export function ColourBadge({ colour, label }: { colour: StatusColour; label: string }) {
  return (
    <span className={CLASS[colour]} data-colour={colour}>
      {label}
    </span>
  );
}

export function StatusBadge({ colour }: { colour: StatusColour }) {
  const words = useRemembered(colourWords);
  return <ColourBadge colour={colour} label={words[colour]} />;
}

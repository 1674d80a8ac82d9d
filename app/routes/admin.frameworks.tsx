import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import { z } from "zod";
import { AreaTable } from "~/components/admin/area-table";
import { AreaForm, FrameworkForm } from "~/components/admin/framework-forms";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { useActionAnswer } from "~/components/ui/form-hooks";
import { useFormat } from "~/i18n/format";
import { conflictIn } from "~/lib/action-result";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { badRequest, invariantResponse, readFormData, runAction } from "~/lib/http.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseForm, parseSearchParams } from "~/lib/validation.server";
import { createFramework, listFrameworksForAdmin, updateFramework } from "~/models/admin/frameworks.server";
import { createPriorityArea, movePriorityArea, updatePriorityArea } from "~/models/admin/priority-areas.server";
import type { AuditContext } from "~/models/audit.server";
import { frameworkYears } from "~/models/framework.server";
import { ErrorPanel } from "~/root";
import {
  CreateAreaSchema,
  CreateFrameworkSchema,
  FrameworkIntentSchema,
  MoveAreaSchema,
  UpdateAreaSchema,
  UpdateFrameworkSchema,
} from "~/schemas/admin";
import { titled } from "~/lib/meta";

/** One form at a time, chosen in the URL: edit a framework, edit an area, add an area, or add a framework. */
const SearchSchema = z.object({
  edit: z.string().max(64).optional(),
  area: z.string().max(64).optional(),
  newArea: z.string().max(64).optional(),
  new: z.enum(["1"]).optional(),
});

export const meta = titled("admin.tabs.frameworks", "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.frameworks");
  const mode = parseSearchParams(SearchSchema, new URL(request.url));
  const frameworks = (await listFrameworksForAdmin()).map((f) => ({
    ...f,
    years: frameworkYears(f.startDate, f.endDate),
  }));
  return { frameworks, mode };
}

const FLASH = {
  createFramework: "admin.flash.frameworkCreated",
  updateFramework: "admin.flash.frameworkUpdated",
  createArea: "admin.flash.areaCreated",
  updateArea: "admin.flash.areaUpdated",
  moveArea: "admin.flash.areaMoved",
} as const;

type FrameworkIntent = keyof typeof FLASH;
type Address = { intent: FrameworkIntent; itemId: string | null };

/** Validates the form of the address's intent and applies it: null when done, else the 400 answer for bad input. */
async function applyFrameworkIntent(address: Address, formData: FormData, context: AuditContext) {
  switch (address.intent) {
    case "createFramework": {
      const parsed = parseForm(CreateFrameworkSchema, formData, address);
      if (!parsed.ok) return parsed.response;
      await createFramework({ context, input: parsed.data });
      return null;
    }
    case "updateFramework": {
      const parsed = parseForm(UpdateFrameworkSchema, formData, address);
      if (!parsed.ok) return parsed.response;
      await updateFramework({ context, input: parsed.data });
      return null;
    }
    case "createArea": {
      const parsed = parseForm(CreateAreaSchema, formData, address);
      if (!parsed.ok) return parsed.response;
      await createPriorityArea({ context, input: parsed.data });
      return null;
    }
    case "updateArea": {
      const parsed = parseForm(UpdateAreaSchema, formData, address);
      if (!parsed.ok) return parsed.response;
      await updatePriorityArea({ context, input: parsed.data });
      return null;
    }
    case "moveArea": {
      // The move buttons have no fields a person types: a bad one is a tampered request.
      const parsed = parseForm(MoveAreaSchema, formData, address);
      if (!parsed.ok) throw badRequest("Invalid move");
      await movePriorityArea({ context, ...parsed.data });
      return null;
    }
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.frameworks");
  const formData = await readFormData(request);
  const intentParsed = FrameworkIntentSchema.safeParse({ intent: formData.get("intent") });
  invariantResponse(intentParsed.success, "Unknown intent");
  const intent = intentParsed.data.intent;
  // Answers go to the form of the record, or for a new area to the form under its framework.
  const itemId = String(formData.get(intent === "createArea" ? "frameworkId" : "id") ?? "") || null;
  const context = auditContextFor(user);
  return runAction({ intent, itemId }, async () => {
    const invalid = await applyFrameworkIntent({ intent, itemId }, formData, context);
    if (invalid) return invalid;
    return redirectWithFlash("/admin/frameworks", { kind: "success", key: FLASH[intent] });
  });
}

export default function AdminFrameworks() {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  const format = useFormat();
  const { frameworks, mode } = useLoaderData<typeof loader>();
  const moveConflict = conflictIn(useActionAnswer("moveArea"));
  return (
    <div>
      <div className="button-row">
        <h2 style={{ marginRight: "auto" }}>{t("admin.frameworks.title")}</h2>
        {mode.new ? null : (
          <Link to="/admin/frameworks?new=1" className="button">
            {t("admin.frameworks.new")}
          </Link>
        )}
      </div>
      <ConflictNotice current={moveConflict} labels={{ code: t("admin.fields.code"), name: t("admin.fields.name") }} />
      {mode.new ? (
        <section className="panel" aria-labelledby="new-framework">
          <h2 id="new-framework">{t("admin.frameworks.new")}</h2>
          <FrameworkForm />
        </section>
      ) : null}
      {frameworks.length === 0 ? <p className="panel muted">{t("admin.frameworks.empty")}</p> : null}
      {frameworks.map((f) => (
        <section key={f.id} className="panel" aria-labelledby={`fw-${f.id}`} data-framework-code={f.code}>
          <h2 id={`fw-${f.id}`}>
            {ln(f)} <span className="muted">({f.code})</span>
          </h2>
          {mode.edit === f.id ? (
            <FrameworkForm key={f.version} framework={f} />
          ) : (
            <>
              <p>
                {format.date(f.startDate)} – {format.date(f.endDate)} ·{" "}
                {t("portfolio.cpf.envelopeFormula", {
                  annual: format.moneyFromCents(f.annualEnvelopeCents),
                  years: f.years,
                  total: format.moneyFromCents(f.annualEnvelopeCents * f.years),
                })}
              </p>
              {f.description ? <p className="muted">{f.description}</p> : null}
              <p>
                <Link to={`/admin/frameworks?edit=${f.id}`}>{t("admin.frameworks.edit")}</Link>
              </p>
            </>
          )}
          <h3>{t("admin.frameworks.areas")}</h3>
          <AreaTable areas={f.areas} />
          {f.areas
            .filter((a) => a.id === mode.area)
            .map((a) => (
              <div key={a.id} className="panel" style={{ marginTop: "0.75rem" }}>
                <h3>{t("admin.frameworks.editArea", { name: ln(a) })}</h3>
                <AreaForm key={a.version} frameworkId={f.id} area={a} />
              </div>
            ))}
          {mode.newArea === f.id ? (
            <div className="panel" style={{ marginTop: "0.75rem" }}>
              <h3>{t("admin.frameworks.addArea")}</h3>
              <AreaForm frameworkId={f.id} />
            </div>
          ) : (
            <p>
              <Link to={`/admin/frameworks?newArea=${f.id}`}>{t("admin.frameworks.addArea")}</Link>
            </p>
          )}
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}

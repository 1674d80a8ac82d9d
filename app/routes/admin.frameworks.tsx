import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "~/i18n/use-localized-name";
import { z } from "zod";
import { AreaTable } from "~/components/admin/area-table";
import { AreaForm, FrameworkForm } from "~/components/admin/framework-forms";
import type { AdminActionData } from "~/components/admin/user-edit-forms";
import { useFormat } from "~/i18n/format";
import { auditContextFor, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireGlobalPermission } from "~/lib/permissions.server";
import { parseForm, parseSearchParams } from "~/lib/validation.server";
import {
  createFramework,
  createPriorityArea,
  listFrameworksForAdmin,
  movePriorityArea,
  updateFramework,
  updatePriorityArea,
} from "~/models/admin.server";
import { VersionConflictError } from "~/lib/errors";
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

/** One form at a time, chosen in the URL: edit a framework, edit an area, add an area, or add a framework. */
const SearchSchema = z.object({
  edit: z.string().max(64).optional(),
  area: z.string().max(64).optional(),
  newArea: z.string().max(64).optional(),
  new: z.enum(["1"]).optional(),
});

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

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlobalPermission(user, "admin.frameworks");
  const formData = await request.formData();
  const intentParsed = FrameworkIntentSchema.safeParse({ intent: formData.get("intent") });
  if (!intentParsed.success) throw new Response("Unknown intent", { status: 400 });
  const intent = intentParsed.data.intent;
  const context = auditContextFor(user);
  const targetId = String(formData.get(intent === "createArea" ? "frameworkId" : "id") ?? "") || null;
  const invalid = (fieldErrors: Record<string, string>) =>
    data({ ok: false as const, intent, id: targetId, fieldErrors }, { status: 400 });
  try {
    let result;
    switch (intent) {
      case "createFramework": {
        const parsed = parseForm(CreateFrameworkSchema, formData);
        if (!parsed.ok) return invalid(parsed.fieldErrors);
        result = await createFramework({ context, input: parsed.data });
        break;
      }
      case "updateFramework": {
        const parsed = parseForm(UpdateFrameworkSchema, formData);
        if (!parsed.ok) return invalid(parsed.fieldErrors);
        result = await updateFramework({ context, input: parsed.data });
        break;
      }
      case "createArea": {
        const parsed = parseForm(CreateAreaSchema, formData);
        if (!parsed.ok) return invalid(parsed.fieldErrors);
        result = await createPriorityArea({ context, input: parsed.data });
        break;
      }
      case "updateArea": {
        const parsed = parseForm(UpdateAreaSchema, formData);
        if (!parsed.ok) return invalid(parsed.fieldErrors);
        result = await updatePriorityArea({ context, input: parsed.data });
        break;
      }
      case "moveArea": {
        const parsed = parseForm(MoveAreaSchema, formData);
        if (!parsed.ok) throw new Response("Invalid move", { status: 400 });
        result = await movePriorityArea({ context, ...parsed.data });
        break;
      }
    }
    if (!result.ok) return invalid(result.fieldErrors);
  } catch (error) {
    if (error instanceof VersionConflictError) {
      return data(
        {
          ok: false as const,
          intent,
          id: targetId,
          conflict: { current: error.current as Record<string, unknown> | null },
        },
        { status: 409 },
      );
    }
    throw error;
  }
  return redirectWithFlash("/admin/frameworks", { kind: "success", key: FLASH[intent] });
}

export default function AdminFrameworks() {
  const { t } = useTranslation();
  const ln = useLocalizedName();
  const format = useFormat();
  const { frameworks, mode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AdminActionData;
  const moveConflict = actionData?.intent === "moveArea" && actionData.conflict;
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
      {moveConflict ? (
        <p className="form-error" role="alert">
          {t("admin.conflict.message")}
        </p>
      ) : null}
      {mode.new ? (
        <section className="panel" aria-labelledby="new-framework">
          <h2 id="new-framework">{t("admin.frameworks.new")}</h2>
          <FrameworkForm actionData={actionData} />
        </section>
      ) : null}
      {frameworks.length === 0 ? <p className="panel muted">{t("admin.frameworks.empty")}</p> : null}
      {frameworks.map((f) => (
        <section key={f.id} className="panel" aria-labelledby={`fw-${f.id}`} data-framework-code={f.code}>
          <h2 id={`fw-${f.id}`}>
            {ln(f)} <span className="muted">({f.code})</span>
          </h2>
          {mode.edit === f.id ? (
            <FrameworkForm key={f.version} framework={f} actionData={actionData} />
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
                <AreaForm key={a.version} frameworkId={f.id} area={a} actionData={actionData} />
              </div>
            ))}
          {mode.newArea === f.id ? (
            <div className="panel" style={{ marginTop: "0.75rem" }}>
              <h3>{t("admin.frameworks.addArea")}</h3>
              <AreaForm frameworkId={f.id} actionData={actionData} />
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

import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/lib/auth.server";
import { attachmentDisposition } from "~/lib/evidence/content-disposition";
import { isEvidenceType } from "~/lib/evidence/limits";
import { evidenceStorage } from "~/lib/evidence/storage.server";
import { notFound, requireParams } from "~/lib/http.server";
import { logger } from "~/lib/logger.server";
import { requireProjectPermission } from "~/lib/permissions.server";
import { getEvidenceFile } from "~/models/evidence.server";
import { routeId } from "~/schemas/fields";

const Params = z.object({ projectId: routeId, fileId: routeId });

/**
 * GET /projects/:projectId/evidence/:fileId — one evidence file of this project, to people who can see the project
 * (anyone else: 404, as if it did not exist; a file of another project is not found here either). Always a download with the type found at upload (only PDF, PNG, JPEG and Office documents are ever
 * stored), a sandboxing policy (and the server's `nosniff` on every answer): nothing a user uploaded runs in Qadam's origin.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { projectId, fileId } = requireParams(Params, params);
  await requireProjectPermission(user, projectId, "evidence.download");
  const file = await getEvidenceFile(fileId);
  if (!file || file.projectId !== projectId) throw notFound();
  const stream = await evidenceStorage().open(file.storageKey);
  if (!stream) {
    logger.error(
      { fileId: file.id },
      "an evidence file is missing from storage (run npm run audit:verify -- --evidence)",
    );
    throw notFound();
  }
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": isEvidenceType(file.type) ? file.type : "application/octet-stream",
      "Content-Length": String(file.size),
      "Content-Disposition": attachmentDisposition(file.name),
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

import type { Prisma } from "~/generated/prisma/client";
import { isLocale, type Locale } from "~/i18n/config";
import type { Db } from "~/lib/db.server";
import { isDigestFrequency, type DigestFrequency, type ProjectFacts, type Recipient } from "~/lib/reminder-rules";

type Reader = Db | Prisma.TransactionClient;

/** What a notification needs to know about a person: scope, language, address, and their choices. */
export const recipientSelect = {
  id: true,
  name: true,
  email: true,
  locale: true,
  active: true,
  role: true,
  organizationId: true,
  organization: { select: { kind: true } },
} satisfies Prisma.UserSelect;
type RecipientRow = Prisma.UserGetPayload<{ select: typeof recipientSelect }>;

export type Preferences = { digest: DigestFrequency; eventMessages: boolean };
export const DEFAULT_PREFERENCES: Preferences = { digest: "WEEKLY", eventMessages: true };

export type NotifiedPerson = Recipient & { language: Locale; preferences: Preferences };

export function toRecipient(row: RecipientRow, preference: { digest: string; eventMessages: boolean } | null) {
  const person: NotifiedPerson = {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: row.locale,
    language: isLocale(row.locale) ? row.locale : "en",
    active: row.active,
    role: row.role,
    organizationId: row.organizationId,
    organizationKind: row.organization.kind,
    preferences: preference
      ? {
          digest: isDigestFrequency(preference.digest) ? preference.digest : DEFAULT_PREFERENCES.digest,
          eventMessages: preference.eventMessages,
        }
      : DEFAULT_PREFERENCES,
  };
  return person;
}

/** People by id (deactivated ones included: the rules leave them out, visibly). */
export async function loadRecipients(client: Reader, where: Prisma.UserWhereInput): Promise<NotifiedPerson[]> {
  const rows = await client.user.findMany({ where, select: recipientSelect, orderBy: { name: "asc" } });
  const preferences = await client.notificationPreference.findMany({
    where: { userId: { in: rows.map((r) => r.id) } },
  });
  const byUser = new Map(preferences.map((p) => [p.userId, p]));
  return rows.map((row) => toRecipient(row, byUser.get(row.id) ?? null));
}

export const projectFactsSelect = {
  id: true,
  code: true,
  name: true,
  institution: true,
  implementingAgencyId: true,
  archivedAt: true,
} satisfies Prisma.ProjectSelect;

export function toProjectFacts(row: Prisma.ProjectGetPayload<{ select: typeof projectFactsSelect }>): ProjectFacts {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    institution: row.institution,
    implementingAgencyId: row.implementingAgencyId,
    archived: row.archivedAt !== null,
  };
}

/** A person's notification preferences (the defaults when they never chose). */
export async function getPreferences(client: Reader, userId: string): Promise<Preferences> {
  const row = await client.notificationPreference.findUnique({ where: { userId } });
  if (!row) return DEFAULT_PREFERENCES;
  return {
    digest: isDigestFrequency(row.digest) ? row.digest : DEFAULT_PREFERENCES.digest,
    eventMessages: row.eventMessages,
  };
}

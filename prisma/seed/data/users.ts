import type { Role } from "~/generated/prisma/client";
import type { OrgCode } from "../types";

/** The demo accounts, keyed for the project data (members, reporters, reviewers). */
export const DEMO_USERS = [
  { key: "admin", email: "admin@qadam.test", name: "Aigerim Admin", org: "WB", role: "ADMIN" },
  { key: "wbManager", email: "wb.manager@qadam.test", name: "Daniyar Seitkali", org: "WB", role: "MANAGER" },
  { key: "wbOfficer", email: "wb.officer@qadam.test", name: "Aliya Zhaksylykova", org: "WB", role: "OFFICER" },
  { key: "ifcManager", email: "ifc.manager@qadam.test", name: "Marat Ospanov", org: "IFC", role: "MANAGER" },
  { key: "ifcOfficer", email: "ifc.officer@qadam.test", name: "Sofia Lindqvist", org: "IFC", role: "OFFICER" },
  {
    key: "transportManager",
    email: "transport.manager@qadam.test",
    name: "Yerlan Abenov",
    org: "MOT",
    role: "MANAGER",
  },
  {
    key: "transportOfficer",
    email: "transport.officer@qadam.test",
    name: "Dana Serikbayeva",
    org: "MOT",
    role: "OFFICER",
  },
  { key: "waterOfficer", email: "water.officer@qadam.test", name: "Nurlan Akhmetov", org: "MWRI", role: "OFFICER" },
  { key: "auditor", email: "auditor@qadam.test", name: "Helen Carter", org: "WB", role: "AUDITOR" },
] as const satisfies readonly { key: string; email: string; name: string; org: OrgCode; role: Role }[];

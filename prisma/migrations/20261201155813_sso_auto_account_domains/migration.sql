-- CreateTable
CREATE TABLE "SsoAutoAccountDomain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "domain" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SsoAutoAccountDomain_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SsoAutoAccountDomain_domain_key" ON "SsoAutoAccountDomain"("domain");

-- CreateIndex
CREATE INDEX "SsoAutoAccountDomain_organizationId_idx" ON "SsoAutoAccountDomain"("organizationId");


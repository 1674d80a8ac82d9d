-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "nameKk" TEXT;
ALTER TABLE "Organization" ADD COLUMN "nameRu" TEXT;

-- AlterTable
ALTER TABLE "Framework" ADD COLUMN "nameKk" TEXT;
ALTER TABLE "Framework" ADD COLUMN "nameRu" TEXT;

-- AlterTable
ALTER TABLE "PriorityArea" ADD COLUMN "nameKk" TEXT;
ALTER TABLE "PriorityArea" ADD COLUMN "nameRu" TEXT;


-- CreateIndex
CREATE INDEX "User_active_name_id_idx" ON "User"("active" DESC, "name", "id");

-- CreateIndex
CREATE INDEX "User_name_email_idx" ON "User"("name", "email");

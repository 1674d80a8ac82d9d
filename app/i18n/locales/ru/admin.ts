import type { Translation } from "../types";
import type en from "../en/admin";

const admin: Translation<typeof en> = {};
export default admin;

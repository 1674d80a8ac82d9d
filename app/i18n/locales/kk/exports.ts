import type { Translation } from "../types";
import type en from "../en/exports";

const exports: Translation<typeof en> = {};
export default exports;

import type { Translation } from "../types";
import type en from "../en/workflow";

const workflow: Translation<typeof en> = {};
export default workflow;

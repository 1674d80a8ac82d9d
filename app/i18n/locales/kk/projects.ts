import type { Translation } from "../types";
import type en from "../en/projects";

const projects: Translation<typeof en> = {};
export default projects;

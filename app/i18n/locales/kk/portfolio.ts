import type { Translation } from "../types";
import type en from "../en/portfolio";

const portfolio: Translation<typeof en> = {};
export default portfolio;

import type { English } from "../en";
import type { Translation } from "../types";
import common from "./common";
import auth from "./auth";
import home from "./home";
import domain from "./domain";
import projects from "./projects";
import workflow from "./workflow";
import portfolio from "./portfolio";
import admin from "./admin";
import history from "./history";
import exports from "./exports";
import mail from "./mail";
import notify from "./notify";
import audit from "./audit";
import sso from "./sso";
import forms from "./forms";
import charts from "./charts";
import lists from "./lists";
import projectStatus from "./project-status";
import importStrings from "./import";
import pickers from "./pickers";
import evidence from "./evidence";
import queues from "./queues";

const ru: Translation<English> = {
  common,
  auth,
  home,
  domain,
  projects,
  workflow,
  portfolio,
  admin,
  history,
  exports,
  mail,
  notify,
  audit,
  sso,
  forms,
  charts,
  lists,
  projectStatus,
  import: importStrings,
  pickers,
  evidence,
  queues,
};
export default ru;

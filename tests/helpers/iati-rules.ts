// IATI's own checks for an IATI 2.03 activity file, run from the vendored files in tests/fixtures/iati (see its
// README): the Standard ruleset (standard-2.03.json) and the codelists (codelists-2.03.json). The rules are IATI's;
// this file only interprets the rule kinds the ruleset uses, with the XPath engine the IATI Validator uses.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import xpath from "xpath";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/iati");
const select = xpath.useNamespaces({ xml: "http://www.w3.org/XML/1998/namespace" });

type RuleInfo = { id: string; severity: "error" | "warning"; category: string; message: string };
type RuleCase = {
  paths?: string[];
  condition?: string;
  idCondition?: string;
  prefix?: string[] | string;
  separator?: string;
  one?: string;
  all?: string;
  less?: string;
  more?: string;
  date?: string;
  start?: string;
  end?: string;
  regex?: string;
  sum?: number;
  min?: number;
  max?: number;
  if?: string;
  then?: string;
  excluded?: string[];
  foreach?: string;
  subs?: string[];
  do?: Record<string, { cases: RuleCase[] }>;
  ruleInfo?: RuleInfo;
};
type Ruleset = Record<string, Record<string, { cases: RuleCase[] }>>;

export type RuleFinding = {
  id: string;
  severity: "error" | "warning";
  message: string;
  rule: string;
  context: string;
  /** The iati-identifier of the activity the finding is in. */
  activity: string;
};

export type RulesetReport = {
  errors: RuleFinding[];
  warnings: RuleFinding[];
  /** Rules evaluated (context element × case), and the ids of those that need the IATI Registry's lists. */
  evaluated: number;
  notEvaluated: string[];
};

export function loadStandardRuleset(): Ruleset {
  return JSON.parse(readFileSync(path.join(FIXTURES, "standard-2.03.json"), "utf8")) as Ruleset;
}

function nodesOf(expression: string, context: Node): Node[] {
  const result = select(expression, context);
  return xpath.isArrayOfNodes(result) ? result : [];
}

function truthy(expression: string, context: Node): boolean {
  return select(`boolean(${expression})`, context) === true;
}

function textOf(node: Node): string {
  return xpath.isAttribute(node) ? node.value : (node.textContent ?? "");
}

function texts(rule: RuleCase, context: Node): string[] {
  return (rule.paths ?? []).flatMap((p) => nodesOf(p, context)).map(textOf);
}

/** Every date the expression selects (`NOW` is the moment of the check); unparseable dates are skipped, as IATI does. */
function dates(expression: string | undefined, context: Node): Date[] {
  if (!expression) return [];
  if (expression === "NOW") return [new Date()];
  return nodesOf(expression, context)
    .map((node) => new Date(textOf(node)))
    .filter((d) => !Number.isNaN(d.getTime()));
}

/** Whole days from `start` to `end`, as the Validator counts them (date-fns differenceInDays). */
function daysBetween(start: Date, end: Date): number {
  return Math.trunc((end.getTime() - start.getTime()) / 86_400_000);
}

const CURRENCY_HOLDERS = ["value", "forecast", "loan-status"];

/**
 * One case of one rule on one context element: true when it holds. Where the IATI Validator reads only the first
 * of several dates (date_order, time_limit) every one is checked here, which is stricter, never laxer.
 */
function holds(kind: string, rule: RuleCase, element: Node): boolean {
  const matched = (rule.paths ?? []).flatMap((p) => nodesOf(p, element));
  switch (kind) {
    case "atleast_one":
      return matched.length >= 1;
    case "no_more_than_one":
      return matched.length <= 1;
    case "only_one_of":
      return (rule.excluded ?? []).every((excluded) =>
        nodesOf(excluded, element).length ? matched.length === 0 : matched.length === 1,
      );
    case "unique": {
      const values = texts(rule, element);
      return new Set(values).size === values.length;
    }
    case "one_or_all": {
      if (rule.one && nodesOf(rule.one, element).length) return true;
      if (rule.all === "lang")
        return nodesOf("descendant::narrative", element).every((n) => nodesOf("@xml:lang", n).length > 0);
      if (rule.all === "sector") return nodesOf("transaction", element).every((t) => nodesOf("sector", t).length > 0);
      if (rule.all === "currency")
        return CURRENCY_HOLDERS.every((name) =>
          nodesOf(`descendant::${name}`, element).every((v) => nodesOf("@currency", v).length > 0),
        );
      if (rule.all === "recipient-country|recipient-region")
        return nodesOf("transaction", element).every(
          (t) => nodesOf("recipient-country|recipient-region", t).length > 0,
        );
      return true;
    }
    case "startswith": {
      const prefixes = (Array.isArray(rule.prefix) ? rule.prefix : [rule.prefix ?? ""])
        .flatMap((p) => nodesOf(p, element))
        .map((node) => textOf(node) + (rule.separator ?? ""));
      return texts(rule, element).every((value) => prefixes.some((prefix) => value.startsWith(prefix)));
    }
    case "date_now":
      return dates(rule.date, element).every((d) => d.getTime() <= Date.now());
    case "date_order": {
      const more = dates(rule.more, element);
      return dates(rule.less, element).every((less) => more.every((m) => less.getTime() <= m.getTime()));
    }
    case "time_limit": {
      const ends = dates(rule.end, element);
      return dates(rule.start, element).every((start) => ends.every((end) => daysBetween(start, end) <= 365));
    }
    case "between_dates": {
      const [start] = dates(rule.start, element);
      const [end] = dates(rule.end, element);
      return dates(rule.date, element).every(
        (d) => (!start || start.getTime() <= d.getTime()) && (!end || d.getTime() <= end.getTime()),
      );
    }
    case "regex_matches":
    case "regex_no_matches": {
      const pattern = new RegExp(rule.regex ?? "");
      const wanted = kind === "regex_matches";
      return texts(rule, element).every((value) => value === "" || pattern.test(value) === wanted);
    }
    case "no_spaces":
      return texts(rule, element).every((value) => value === value.trim());
    case "sum":
    case "strict_sum": {
      const values = texts(rule, element);
      if (kind === "sum" && values.length === 0) return true;
      const total = Number(values.reduce((acc, v) => acc + Number(v), 0).toFixed(4));
      return total === Number(rule.sum);
    }
    case "range":
      return texts(rule, element).every((value) => {
        const n = Number(value);
        return (rule.min === undefined || rule.min <= n) && (rule.max === undefined || n <= rule.max);
      });
    case "if_then":
      return !rule.if || !truthy(rule.if, element) || (rule.then ? truthy(rule.then, element) : true);
    default:
      throw new Error(`The IATI ruleset uses a rule kind this interpreter does not know: ${kind}`);
  }
}

/** The cases a `loop` expands to: each of its sub-rules once per distinct value its `foreach` selects, `$1` replaced. */
function expandLoop(loop: RuleCase, element: Node): Array<{ kind: string; rule: RuleCase }> {
  const values = [...new Set(nodesOf(loop.foreach ?? "", element).map(textOf))];
  const out: Array<{ kind: string; rule: RuleCase }> = [];
  for (const [kind, { cases }] of Object.entries(loop.do ?? {})) {
    for (const subCase of cases) {
      for (const value of values) {
        const rule: RuleCase = { ...subCase };
        for (const key of loop.subs ?? []) {
          const field = subCase[key as keyof RuleCase];
          const put = (s: string) => s.replace(/\$1/g, value);
          if (typeof field === "string") Object.assign(rule, { [key]: put(field) });
          else if (Array.isArray(field)) Object.assign(rule, { [key]: field.map((s) => put(String(s))) });
        }
        out.push({ kind, rule });
      }
    }
  }
  return out;
}

function needsRegistry(rule: RuleCase): boolean {
  const prefixes = Array.isArray(rule.prefix) ? rule.prefix : rule.prefix ? [rule.prefix] : [];
  return rule.idCondition !== undefined || prefixes.includes("ORG-ID-PREFIX");
}

function activityOf(node: Node): string {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeName === "iati-activity") return String(select("string(iati-identifier)", current));
  }
  return "";
}

/** Runs every rule of the ruleset on the file, as the IATI Validator does, and sorts the findings by severity. */
export function checkIatiRuleset(xml: string, ruleset: Ruleset = loadStandardRuleset()): RulesetReport {
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const report: RulesetReport = { errors: [], warnings: [], evaluated: 0, notEvaluated: [] };
  for (const [contextPath, kinds] of Object.entries(ruleset)) {
    for (const element of nodesOf(contextPath, document)) {
      for (const [kind, { cases }] of Object.entries(kinds)) {
        const expanded =
          kind === "loop" ? cases.flatMap((c) => expandLoop(c, element)) : cases.map((rule) => ({ kind, rule }));
        for (const { kind: ruleKind, rule } of expanded) {
          if (rule.condition && !truthy(rule.condition, element)) continue;
          const info = rule.ruleInfo;
          if (needsRegistry(rule)) {
            if (info && !report.notEvaluated.includes(info.id)) report.notEvaluated.push(info.id);
            continue;
          }
          report.evaluated++;
          if (holds(ruleKind, rule, element) || !info) continue;
          const finding: RuleFinding = {
            id: info.id,
            severity: info.severity,
            message: info.message,
            rule: ruleKind,
            context: contextPath,
            activity: activityOf(element),
          };
          (info.severity === "error" ? report.errors : report.warnings).push(finding);
        }
      }
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------------------------
// Codelists

type Codelists = {
  mappings: Array<{ path: string; codelist: string; condition?: string }>;
  codelists: Record<string, { active: string[]; withdrawn: string[] }>;
};

export type CodelistFinding = { path: string; codelist: string; value: string; problem: "unknown" | "withdrawn" };

/**
 * Every value IATI's mapping ties to a codelist, checked against that codelist (a condition, when the mapping has
 * one, is evaluated on the element holding the value). Narrative languages (`@xml:lang`) are checked against the
 * Language codelist too.
 */
export function checkIatiCodelists(xml: string): { checked: number; findings: CodelistFinding[] } {
  const lists = JSON.parse(readFileSync(path.join(FIXTURES, "codelists-2.03.json"), "utf8")) as Codelists;
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const findings: CodelistFinding[] = [];
  let checked = 0;
  const mappings = [...lists.mappings, { path: "//@xml:lang", codelist: "Language" }];
  for (const mapping of mappings) {
    const codes = lists.codelists[mapping.codelist];
    for (const node of nodesOf(mapping.path, document)) {
      const holder = xpath.isAttribute(node) ? node.ownerElement : node.parentNode;
      if (mapping.condition && holder && !truthy(mapping.condition, holder)) continue;
      const value = textOf(node).trim();
      checked++;
      if (codes.active.includes(value)) continue;
      const problem = codes.withdrawn.includes(value) ? "withdrawn" : "unknown";
      findings.push({ path: mapping.path, codelist: mapping.codelist, value, problem });
    }
  }
  return { checked, findings };
}

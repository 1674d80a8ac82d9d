// Strings for the exports pages and the printable report. ru/exports.ts and kk/exports.ts must have exactly these
// keys (the typecheck enforces it).
export default {
  title: "Exports",
  intro:
    "Files you can download here or fetch from a script with a signed-in session. Each holds only what you may see, states its filters, generation time, row count and the audit chain's head, and is itself recorded in the audit log.",
  audit: {
    title: "Audit log",
    description:
      "The audit events that match the filters, oldest first, with every stored field (before/after snapshots, hashes). IP addresses and request ids are included for auditors and administrators only.",
    bom: "Add a byte-order mark so that Excel opens Cyrillic and Kazakh text correctly (CSV only)",
    downloadCsv: "Download CSV",
    downloadXlsx: "Download XLSX",
    downloadNdjson: "Download NDJSON",
  },
  portfolio: {
    title: "Portfolio workbook",
    description:
      "One workbook with the projects you can see: projects, milestones (baseline vs current due date, slip), indicators (baseline, targets, latest verified actual, progress) and the ratings history.",
    download: "Download portfolio.xlsx",
  },
  iati: {
    title: "IATI 2.03 activity file",
    description:
      "Your visible projects as IATI activities: organisations, status, dates, sector, budget, commitments and disbursements, and results (PDO indicators as outcomes, intermediate ones as outputs). Validated against the official 2.03 schema.",
    download: "Download iati.xml",
  },
  urls: {
    title: "Stable URLs",
    intro: "These addresses do not change; scripts can call them with the session cookie of a user allowed to export.",
    url: "URL",
    parameters: "Query parameters",
    contents: "Contents",
    audit_csv:
      "RFC 4180 CSV, UTF-8, CRLF; metadata records first (first field “#”), then the header row and one row per event.",
    audit_xlsx: "Workbook with a metadata sheet and an events sheet:",
    audit_ndjson: "One JSON object per line: a metadata line first, then one event per line with every stored field.",
    portfolio: "Workbook with a metadata sheet and four data sheets:",
    iati: "IATI Activity Standard 2.03 XML; the metadata is in a comment at the top.",
    metadata:
      "Spreadsheet cells that would start a formula (=, +, -, @, tab, CR, LF) are prefixed with a single quote; nothing else is changed.",
  },
  params: {
    dates: "ISO dates (YYYY-MM-DD), whole UTC days; “to” includes that day.",
    project: "A project code, e.g. P099270.",
    entity: "An entity type and, optionally, one record's id. Entity types include:",
    actor: "The e-mail of the person who acted, and an action name, for example:",
    bom: "CSV only: starts the file with a UTF-8 byte-order mark for Excel.",
  },
  report: {
    print: "Print or save as PDF",
    printHint: "Use your browser's print dialog; choose “Save as PDF” to keep a copy.",
    kicker: "Implementation status and results report",
    projectId: "Project ID",
    asOf: "Data as of {{date}}",
    generated: "generated {{date}}",
    ratings: "Ratings",
    rating: "Rating",
    previous: "Previous",
    current: "Current",
    pdoRating: "Progress towards achievement of the PDO",
    ipRating: "Overall implementation progress",
    riskRating: "Overall risk",
    justification: "Justification",
    notRated: "Not rated yet.",
    results: "Results framework",
    pdoIndicators: "Project Development Objective indicators",
    intermediateIndicators: "Intermediate results indicators",
    indicator: "Indicator (unit)",
    baseline: "Baseline",
    latestActual: "Latest verified actual",
    endTarget: "End target",
    progress: "Progress",
    originalTarget: "original target: {{value}}",
    milestones: "Milestones",
    milestone: "Milestone",
    baselineDue: "Baseline due date",
    currentDue: "Current due date",
    slip: "Slip (days)",
    complete: "Complete",
    overdue: "overdue",
  },
};

/**
 * Cell-level safety for spreadsheet exports (CSV and XLSX), shared by every exporter and the tests.
 *
 * Formula injection: Excel, LibreOffice and Google Sheets evaluate a cell that starts with `=`, `+`, `-` or `@`
 * (and, after trimming, one that starts with tab, CR or LF). Such a text cell is neutralised by prefixing a
 * single quote `'` — the OWASP recommendation — and nothing else about the value changes. Numbers are written as
 * numbers and never touched.
 *
 * The check is wider than those four ASCII signs, because spreadsheets are: an IME types the full-width `＝`, and
 * input correction and import trimming can turn look-alikes and leading blanks into the real thing. So a cell is
 * also neutralised when its first sign is any character whose compatibility form (NFKC) is one of the four — the
 * full-width `＝＋－＠`, the small `﹦﹢﹣﹫`, superscript and subscript signs — or the minus sign `−`, and when
 * that sign comes after whitespace (including no-break and ideographic spaces), invisible format characters
 * (zero-width space, byte-order mark) or control characters. A quote too many costs nothing; a formula too many
 * runs on an auditor's machine.
 */
const LEADING_TRIGGER = /^[\t\r\n]/;
// eslint-disable-next-line no-control-regex
const SKIPPABLE_PREFIX = /^[\s\u0000-\u001F\u007F\u200B-\u200D\u2060\uFEFF]*/;
const FORMULA_SIGNS = new Set(["=", "+", "-", "@"]);
// A sign with no compatibility form that number recognition may still read as a minus.
const MINUS_LOOKALIKES = new Set(["\u2212"]);

/** Whether a spreadsheet could take this text for a formula. */
export function looksLikeFormula(value: string): boolean {
  const first = value.charCodeAt(0);
  // Printable ASCII but space (most cells: JSON, ids, e-mails, words): nothing before it can be skipped, and its
  // compatibility form is itself — only the four signs count. Saves a million exported rows the general path.
  if (first > 0x20 && first < 0x7f) return first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40;
  if (LEADING_TRIGGER.test(value)) return true;
  const start = value.slice(SKIPPABLE_PREFIX.exec(value)?.[0].length ?? 0).codePointAt(0);
  if (start === undefined) return false;
  const sign = String.fromCodePoint(start);
  return MINUS_LOOKALIKES.has(sign) || FORMULA_SIGNS.has(sign.normalize("NFKC").charAt(0));
}

export function neutraliseFormula(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

/** A spreadsheet cell value: text is neutralised, numbers/null pass through unchanged. */
export function safeCell<T>(value: T): T | string {
  return typeof value === "string" ? neutraliseFormula(value) : value;
}

/**
 * XML cannot carry every character literally: a CR in element text is read back as LF (XML end-of-line
 * normalisation) and control characters are not allowed at all. OOXML (ECMA-376 Part 1, §22.9.2.19 ST_Xstring)
 * escapes them as `_xHHHH_`, which Excel and LibreOffice decode; a literal `_xHHHH_` in the data is itself
 * escaped as `_x005F_xHHHH_`. exceljs writes text as-is, so the XLSX exporters encode with this first.
 */
// eslint-disable-next-line no-control-regex
const XLSX_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g;

export function encodeXlsxText(value: string): string {
  return value.replace(XLSX_ESCAPE, (match) =>
    match.length === 1 ? `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_` : `_x005F${match}`,
  );
}

/** The reverse of encodeXlsxText, as a spreadsheet application reads the cell. */
export function decodeXlsxText(value: string): string {
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text as an inline string (`t="inlineStr"`), the form exceljs writes for a rich-text value of one run. */
export type XlsxInlineText = { richText: Array<{ text: string }> };

/**
 * A value ready for an exceljs cell: text neutralised against formulas, OOXML-escaped, and written as an inline
 * string. exceljs writes a plain string as a formula-result cell (`t="str"`), in which LibreOffice shows `_xHHHH_`
 * escapes raw; in inline (and shared) strings Excel and LibreOffice decode them. Shared strings would hold every
 * distinct text of the file in memory until the end, so inline strings keep the streaming flat.
 */
export function xlsxCell(
  value: string | number | boolean | Date | null | undefined,
): XlsxInlineText | number | boolean | Date | null {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? { richText: [{ text: encodeXlsxText(neutraliseFormula(value)) }] } : value;
}

/**
 * XML 1.0 forbids most control characters even as character references; the IATI exporter replaces them with
 * U+FFFD so that a stray control character in a project name cannot make the whole file invalid.
 */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafeText(value: string): string {
  return value.replace(XML_INVALID, "\uFFFD");
}

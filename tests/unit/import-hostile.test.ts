// Hostile uploads, each a real crafted file: refused before exceljs builds anything from it, with the reason the
// page shows and a 4xx status, never a 500. (Formulas are refused row by row in the dry run, with their cell.)
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { FileRefusedError, type FileRefusalReason } from "~/lib/import/file-refusal";
import { planImport } from "~/lib/import/plan";
import { readUpload, UPLOAD_LIMITS } from "~/lib/import/read-upload.server";
import { ZIP_LIMITS } from "~/lib/import/zip-guard.server";
import { workbookBytes, writeZip, zipParts } from "../helpers/zip-kit";

const sheetName = (kind: "indicator" | "milestone") => (kind === "indicator" ? "Indicators" : "Milestones");

async function refusal(name: string, bytes: Buffer): Promise<FileRefusedError> {
  try {
    await readUpload({ name, bytes }, sheetName);
  } catch (error) {
    if (error instanceof FileRefusedError) return error;
    throw error;
  }
  throw new Error("the file was accepted");
}

async function expectRefused(name: string, bytes: Buffer, reason: FileRefusalReason) {
  const error = await refusal(name, bytes);
  expect(error.reason).toBe(reason);
  expect(error.status).toBeGreaterThanOrEqual(400);
  expect(error.status).toBeLessThan(500);
}

/** A template-shaped workbook: the indicators sheet's headings and `rows` rows. */
function indicatorBook(rows: ExcelJS.CellValue[][] = []) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Indicators");
  sheet.addRow(["Indicator", "Period", "Value", "Comment", "Indicator record id (do not change)"]);
  for (const row of rows) sheet.addRow(row);
  return book;
}

describe("files that are not what they claim", () => {
  it("refuses an empty upload and one over the size limit", async () => {
    await expectRefused("report.xlsx", Buffer.alloc(0), "noFile");
    await expectRefused("report.xlsx", Buffer.alloc(UPLOAD_LIMITS.maxBytes + 1, 0x41), "tooBig");
  });

  it("refuses text named .xlsx, a truncated archive and other extensions", async () => {
    await expectRefused("report.xlsx", Buffer.from("Project,Indicator\nA,B\n"), "notXlsx");
    const good = await workbookBytes(indicatorBook());
    await expectRefused("report.xlsx", good.subarray(0, good.length - 30), "notXlsx");
    await expectRefused("report.pdf", good, "wrongType");
    await expectRefused("report.csv", good, "wrongType");
  });

  it("refuses an archive without a workbook in it", async () => {
    await expectRefused("report.xlsx", writeZip([{ name: "hello.txt", data: Buffer.from("hi") }]), "notXlsx");
  });
});

describe("zip bombs", () => {
  const zeros = Buffer.alloc(ZIP_LIMITS.maxUnpackedBytes + 1024 * 1024);

  it("are refused by their declared size before anything is inflated", async () => {
    const parts = zipParts(await workbookBytes(indicatorBook()));
    const bomb = writeZip([...parts, { name: "xl/media/padding.bin.txt", data: zeros }]);
    expect(bomb.length).toBeLessThan(UPLOAD_LIMITS.maxBytes);
    await expectRefused("report.xlsx", bomb, "zipBomb");
  });

  it("are refused when the declared size lies: inflating stops at the declared size", async () => {
    const parts = zipParts(await workbookBytes(indicatorBook()));
    const liar = writeZip([...parts, { name: "xl/media/small.txt", data: zeros, declaredSize: 100 }]);
    await expectRefused("report.xlsx", liar, "zipBomb");
  });

  it("are refused when they hold too many parts", async () => {
    const many = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `x/${i}.txt`,
      data: Buffer.from("x"),
    }));
    await expectRefused("report.xlsx", writeZip(many), "zipBomb");
  });
});

describe("macros and links to other files", () => {
  it("refuses a macro-enabled workbook by its name", async () => {
    await expectRefused("report.xlsm", await workbookBytes(indicatorBook()), "macros");
  });

  it("refuses a VBA project inside a file named .xlsx", async () => {
    const parts = zipParts(await workbookBytes(indicatorBook()));
    const withMacro = writeZip([...parts, { name: "xl/vbaProject.bin", data: Buffer.from("Attribute VB_Name") }]);
    await expectRefused("report.xlsx", withMacro, "macros");
  });

  it("refuses a macro-enabled content type", async () => {
    const parts = zipParts(await workbookBytes(indicatorBook())).map((part) =>
      part.name === "[Content_Types].xml"
        ? {
            ...part,
            data: Buffer.from(
              part.data.toString("utf8").replace("spreadsheetml.sheet.main+xml", "sheet.macroEnabled.main+xml"),
            ),
          }
        : part,
    );
    await expectRefused("report.xlsx", writeZip(parts), "macros");
  });

  it("refuses links to other workbooks", async () => {
    const parts = zipParts(await workbookBytes(indicatorBook()));
    const linked = writeZip([
      ...parts,
      { name: "xl/externalLinks/externalLink1.xml", data: Buffer.from("<externalLink/>") },
    ]);
    await expectRefused("report.xlsx", linked, "externalLinks");
  });
});

describe("sheets that are too big or not ours", () => {
  it("refuses a sheet over the row limit, counted before exceljs parses it", async () => {
    const rows = Array.from({ length: UPLOAD_LIMITS.maxRows + 5 }, (_, i) => ["x", "2025", i, "", `id${i}`]);
    await expectRefused("report.xlsx", await workbookBytes(indicatorBook(rows)), "tooManyRows");
    const csv = ["Indicator record id (do not change),Period,Value", ...rows.map((r) => `${r[4]},2025,1`)].join("\n");
    await expectRefused("report.csv", Buffer.from(csv), "tooManyRows");
  });

  it("refuses a workbook without the template's columns, and an id column without the value column", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Budget").addRow(["Line", "Amount"]);
    await expectRefused("report.xlsx", await workbookBytes(book), "wrongColumns");
    const half = new ExcelJS.Workbook();
    half.addWorksheet("Indicators").addRow(["Indicator record id (do not change)", "Comment"]);
    await expectRefused("report.xlsx", await workbookBytes(half), "wrongColumns");
    await expectRefused("report.csv", Buffer.from("Line;Amount\nA;1\n"), "wrongColumns");
  });
});

describe("formulas", () => {
  const facts = { today: "2026-12-01", indicators: [], milestones: [], statusByLabel: new Map<string, string>() };

  it("a formula in a value cell is an error of that row, pointing at the cell", async () => {
    const book = indicatorBook([["Sites", "2026-Q3", { formula: "10*2", result: 20 }, "", "ind-1"]]);
    const read = await readUpload({ name: "report.xlsx", bytes: await workbookBytes(book) }, sheetName);
    expect(read.rows[0].cells.value).toMatchObject({ ref: "Indicators!C2", formula: true });
    const known = {
      ...facts,
      indicators: [
        {
          id: "ind-1",
          projectId: "p",
          projectCode: "P1",
          projectName: "Project",
          code: "I1",
          name: "Sites",
          unit: "sites",
          frequency: "QUARTERLY",
          baselineDate: "2025-01-01",
          targetDate: "2030-12-31",
          baselineValue: 0,
          targetValue: 100,
          canReport: true,
          values: [],
        },
      ],
    };
    const plan = planImport(read.rows, known);
    expect(plan.rows[0]).toMatchObject({ outcome: "error", write: false });
    expect(plan.rows[0].messages).toEqual([{ key: "import.row.formula", ref: "Indicators!C2" }]);
  });

  it("a CSV cell that starts a formula is refused the same way", async () => {
    const csv = 'Indicator record id (do not change),Period,Value\nind-1,2026-Q3,=HYPERLINK("http://evil")\n';
    const read = await readUpload({ name: "report.csv", bytes: Buffer.from(csv) }, sheetName);
    expect(read.rows[0].cells.value).toMatchObject({ ref: "Indicators!C2", formula: true });
  });
});

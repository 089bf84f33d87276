import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { convertToPdf, pdfPages, pdfText } from "./office.js";

describe("office test helpers", () => {
  it("converts an XLSX to PDF and reads its text back, accents included", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Feuille");
    sheet.columns = [{ width: 30 }, { width: 30 }];
    sheet.addRow(["Santé « mentale »", "Évaluation – 2021"]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const [first, second] = await Promise.all([convertToPdf(xlsx, "xlsx"), convertToPdf(xlsx, "xlsx")]);
    for (const pdf of [first, second]) {
      const text = await pdfText(pdf);
      expect(text).toContain("Santé « mentale »");
      expect(text).toContain("Évaluation – 2021");
      expect(pdfPages(text)).toHaveLength(1);
    }
  }, 120_000);

  it("throws with LibreOffice's output when the file cannot be opened", async () => {
    await expect(convertToPdf(Buffer.from("PK\u0003\u0004pas un fichier"), "pptx")).rejects.toThrow(/did not convert the \.pptx file[\s\S]*could not be loaded/);
  }, 200_000);

  it("refuses a file that is not a PDF in pdftotext", async () => {
    await expect(pdfText(Buffer.from("pas un PDF"))).rejects.toThrow(/pdftotext failed/);
  });
});

/** What every workbook Clés writes shares (exceljs): rows as tall as their wrapped text. */

/**
 * A row's height from its text, as neither Excel nor LibreOffice fits wrapped rows
 * of a generated file on opening: lines of each cell at ~1.1 character per width unit.
 */
export function rowHeight(values: readonly unknown[], widths: readonly number[], charsPerUnit = 1.1): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (v === null || v === undefined || v === "") return;
    const perLine = Math.max(4, Math.floor((widths[i] ?? 10) * charsPerUnit));
    const n = String(v)
      .split("\n")
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return Math.min(409, 15 * lines + 3);
}

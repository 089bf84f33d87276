/** The fiches workbook (issue 6, item 9): readers export it, the coordination imports it back. */
import { expect } from "vitest";
import { managers, readers, type Cases, type Fixture } from "../support.js";

/** The CAMVS export, uploaded as is: it changes nothing, so every allowed call answers 200. */
async function unchangedUpload(f: Fixture) {
  const res = await f.admin.inject({ url: `/api/contracts/${f.ids.camvs}/actions.xlsx` });
  expect(res.statusCode).toBe(200);
  const boundary = "----cles-matrix-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="fiches.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  const payload = Buffer.concat([head, res.rawPayload, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { url: `/api/contracts/${f.ids.camvs}/actions.xlsx`, payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export const spreadsheetCases: Cases = {
  "GET /api/contracts/:contractId/actions.docx": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/actions.docx` }), expect: readers }],
  "GET /api/contracts/:contractId/actions.xlsx": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/actions.xlsx` }), expect: readers }],
  "POST /api/contracts/:contractId/actions.xlsx": [{ call: unchangedUpload, expect: managers }],
};

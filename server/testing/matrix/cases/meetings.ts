/** Members of bodies, participants and attachments of meetings (issue 5). */
import { expect } from "vitest";
import { type Cases, type Fixture, freshBody, freshMeeting, managers, readers } from "../support.js";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const boundary = "----cles-matrix";
const upload = {
  headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="support.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]),
};

/** A fresh CAMVS meeting (14 September 2021) with a PDF attached. */
export async function freshAttachment(f: Fixture): Promise<string> {
  const m = await freshMeeting(f);
  const res = await f.admin.inject({ method: "POST", url: `/api/meetings/${m.id}/attachments`, ...upload });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

export const meetingCases: Cases = {
  "GET /api/bodies/:bodyId/members": [{ call: async (f) => ({ url: `/api/bodies/${(await freshBody(f)).id}/members` }), expect: readers }],
  "PUT /api/bodies/:bodyId/members": [{ call: async (f) => ({ url: `/api/bodies/${(await freshBody(f)).id}/members`, payload: { members: [{ name: "Membre" }] } }), expect: managers }],
  "PUT /api/meetings/:meetingId/participants": [
    { call: async (f) => ({ url: `/api/meetings/${(await freshMeeting(f)).id}/participants`, payload: { participants: [{ name: "Présent", present: true }] } }), expect: managers },
  ],
  "POST /api/meetings/:meetingId/attachments": [{ call: async (f) => ({ url: `/api/meetings/${(await freshMeeting(f)).id}/attachments`, ...upload }), expect: managers }],
  "GET /api/attachments/:attachmentId": [{ call: async (f) => ({ url: `/api/attachments/${await freshAttachment(f)}` }), expect: readers }],
  "DELETE /api/attachments/:attachmentId": [{ call: async (f) => ({ url: `/api/attachments/${await freshAttachment(f)}` }), expect: managers }],
};

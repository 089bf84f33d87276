/** Quarterly reviews (issue 6): readers read published ones; the coordination drafts, edits, publishes, corrects. */
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { quarterlyReviews } from "../../db/schema.js";
import { type Cases, everyone, type Fixture, json, managers, readers, signedIn } from "../matrix-support.js";

/** A fresh draft of 2022 Q2 (any earlier one is removed first), as the admin makes it. */
async function freshDraft(f: Fixture): Promise<{ id: string; version: number }> {
  await f.ctx.database.db.delete(quarterlyReviews).where(and(eq(quarterlyReviews.contractId, f.ids.camvs), eq(quarterlyReviews.year, 2022), eq(quarterlyReviews.quarter, 2)));
  const res = await f.admin.inject({ method: "POST", url: `/api/contracts/${f.ids.camvs}/reviews`, payload: { year: 2022, quarter: 2 } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function freshPublished(f: Fixture): Promise<{ id: string; version: number }> {
  const draft = await freshDraft(f);
  const res = await f.admin.inject({ method: "POST", url: `/api/reviews/${draft.id}/publish`, payload: { version: draft.version } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const everyoneFinds = (status: number) => ({ admin: status, coordinator: status, lead: status, partner: status, ars: status, outsider: 404, anonymous: 401 });

export const reviewCases: Cases = {
  "GET /api/contracts/:contractId/reviews": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/reviews` }), expect: readers }],
  "PUT /api/contracts/:contractId/review-settings": [
    {
      call: async (f) => {
        const { settings } = await json<{ settings: { purpose: string; publishReviews: boolean; version: number } }>(f.admin, `/api/contracts/${f.ids.camvs}/reviews`);
        return { url: `/api/contracts/${f.ids.camvs}/review-settings`, payload: settings };
      },
      expect: managers,
    },
  ],
  "POST /api/contracts/:contractId/reviews": [
    {
      call: async (f) => {
        await f.ctx.database.db.delete(quarterlyReviews).where(and(eq(quarterlyReviews.contractId, f.ids.camvs), eq(quarterlyReviews.year, 2022), eq(quarterlyReviews.quarter, 1)));
        return { url: `/api/contracts/${f.ids.camvs}/reviews`, payload: { year: 2022, quarter: 1 } };
      },
      expect: managers,
    },
  ],
  "GET /api/reviews/:reviewId": [{ call: async (f) => ({ url: `/api/reviews/${(await freshPublished(f)).id}` }), expect: readers }],
  "PUT /api/reviews/:reviewId": [
    {
      call: async (f) => {
        const draft = await freshDraft(f);
        const view = await json<{ sections: { key: string; title: string; html: string; hidden: boolean }[] }>(f.admin, `/api/reviews/${draft.id}`);
        return { url: `/api/reviews/${draft.id}`, payload: { version: draft.version, sections: view.sections.map(({ key, title, html, hidden }) => ({ key, title, html, hidden })) } };
      },
      expect: managers,
    },
  ],
  "POST /api/reviews/:reviewId/refresh": [{ call: async (f) => { const d = await freshDraft(f); return { url: `/api/reviews/${d.id}/refresh`, payload: { version: d.version } }; }, expect: managers }],
  "POST /api/reviews/:reviewId/publish": [{ call: async (f) => { const d = await freshDraft(f); return { url: `/api/reviews/${d.id}/publish`, payload: { version: d.version } }; }, expect: managers }],
  "POST /api/reviews/:reviewId/correction": [{ call: async (f) => { const p = await freshPublished(f); return { url: `/api/reviews/${p.id}/correction`, payload: { version: p.version } }; }, expect: managers }],
  "GET /api/reviews/:reviewId/publications/:number": [{ call: async (f) => ({ url: `/api/reviews/${(await freshPublished(f)).id}/publications/1` }), expect: readers }],
  "GET /api/reviews/:reviewId/review.docx": [{ call: async (f) => ({ url: `/api/reviews/${(await freshPublished(f)).id}/review.docx` }), expect: readers }],
  "GET /api/reviews/:reviewId/review.pdf": [{ call: async (f) => ({ url: `/api/reviews/${(await freshPublished(f)).id}/review.pdf` }), expect: readers }],
  "GET /api/reviews/:reviewId/review.html": [{ call: async (f) => ({ url: `/api/reviews/${(await freshPublished(f)).id}/review.html` }), expect: readers }],
  // No meeting of 2022 Q2 has an attachment: every reader is told there is no annex (exports.test.ts downloads a real one).
  "GET /api/reviews/:reviewId/annexes.zip": [{ call: async (f) => ({ url: `/api/reviews/${(await freshPublished(f)).id}/annexes.zip` }), expect: everyoneFinds(404) }],
  "POST /api/reviews/:reviewId/exports": [{ call: async (f) => ({ url: `/api/reviews/${(await freshPublished(f)).id}/exports`, payload: { format: "html" } }), expect: readers }],
  // Public: the contract's page is published and publishes its reviews.
  "GET /api/public/contracts/:slug/reviews/:reviewId.html": [
    {
      call: async (f) => {
        const review = await freshPublished(f);
        expect((await f.admin.inject({ method: "PUT", url: `/api/contracts/${f.ids.camvs}/publication`, payload: { published: true } })).statusCode).toBe(200);
        const { settings } = await json<{ settings: { purpose: string; version: number } }>(f.admin, `/api/contracts/${f.ids.camvs}/reviews`);
        expect((await f.admin.inject({ method: "PUT", url: `/api/contracts/${f.ids.camvs}/review-settings`, payload: { ...settings, publishReviews: true } })).statusCode).toBe(200);
        return { url: `/api/public/contracts/camvs-2021-2023/reviews/${review.id}.html` };
      },
      expect: everyone("ok"),
    },
  ],
  "GET /api/account/preferences": [{ call: () => ({ url: "/api/account/preferences" }), expect: signedIn }],
  "PUT /api/account/preferences": [{ call: () => ({ url: "/api/account/preferences", payload: { reviewReminders: true } }), expect: signedIn }],
};

/** Quarterly reviews (issue 6): readers read published ones; the coordination drafts, edits, publishes, corrects. */
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { quarterlyReviews, sharedReviews } from "../../../db/schema.js";
import { type Cases, everyone, type Fixture, json, managers, readers, type Role, signedIn } from "../support.js";
import { freshAttachment } from "./meetings.js";

const READERS: Role[] = ["admin", "coordinator", "lead", "partner", "ars"];

/** A fresh draft of 2022 Q2 (no meeting, no attachment), or of another quarter; any earlier one is removed first. */
async function freshDraft(f: Fixture, year = 2022, quarter = 2): Promise<{ id: string; version: number }> {
  await f.ctx.database.db.delete(quarterlyReviews).where(and(eq(quarterlyReviews.contractId, f.ids.camvs), eq(quarterlyReviews.year, year), eq(quarterlyReviews.quarter, quarter)));
  const res = await f.admin.inject({ method: "POST", url: `/api/contracts/${f.ids.camvs}/reviews`, payload: { year, quarter } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function freshPublished(f: Fixture, year?: number, quarter?: number): Promise<{ id: string; version: number }> {
  const draft = await freshDraft(f, year, quarter);
  const res = await f.admin.inject({ method: "POST", url: `/api/reviews/${draft.id}/publish`, payload: { version: draft.version } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const everyoneFinds = (status: number) => ({ admin: status, coordinator: status, lead: status, partner: status, ars: status, outsider: 404, anonymous: 401 });

/** A published review of 2021 Q3, whose quarter has a meeting with a PDF attached. */
async function publishedWithAnnex(f: Fixture): Promise<string> {
  await freshAttachment(f);
  return (await freshPublished(f, 2021, 3)).id;
}

/** A published review on CAMVS's public page, the page publishing its reviews or not. */
async function publicReview(f: Fixture, publishReviews: boolean): Promise<string> {
  const review = await freshPublished(f);
  expect((await f.admin.inject({ method: "PUT", url: `/api/contracts/${f.ids.camvs}/publication`, payload: { published: true } })).statusCode).toBe(200);
  const { settings } = await json<{ settings: { purpose: string; version: number } }>(f.admin, `/api/contracts/${f.ids.camvs}/reviews`);
  expect((await f.admin.inject({ method: "PUT", url: `/api/contracts/${f.ids.camvs}/review-settings`, payload: { ...settings, publishReviews } })).statusCode).toBe(200);
  return `/api/public/contracts/camvs-2021-2023/reviews/${review.id}.html`;
}

/** CAMVS's 2021 Q1 free of any review shared before Clés; the body that records it. */
async function freeSharedQuarter(f: Fixture) {
  await f.ctx.database.db.delete(sharedReviews).where(and(eq(sharedReviews.contractId, f.ids.camvs), eq(sharedReviews.year, 2021), eq(sharedReviews.quarter, 1)));
  return { year: 2021, quarter: 1, sharedOn: "2021-04-12", note: "Envoyée par courriel" };
}

async function freshSharedReview(f: Fixture): Promise<string> {
  const res = await f.admin.inject({ method: "POST", url: `/api/contracts/${f.ids.camvs}/shared-reviews`, payload: await freeSharedQuarter(f) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

export const reviewCases: Cases = {
  "POST /api/contracts/:contractId/shared-reviews": [{ call: async (f) => ({ url: `/api/contracts/${f.ids.camvs}/shared-reviews`, payload: await freeSharedQuarter(f) }), expect: managers }],
  "DELETE /api/shared-reviews/:sharedReviewId": [{ call: async (f) => ({ url: `/api/shared-reviews/${await freshSharedReview(f)}` }), expect: managers }],
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
  "GET /api/reviews/:reviewId/annexes.zip": [
    { call: async (f) => ({ url: `/api/reviews/${await publishedWithAnnex(f)}/annexes.zip` }), expect: readers },
    // No meeting of 2022 Q2 has an attachment: every reader is told there is no annex, the outsider that there is no review.
    {
      call: async (f) => ({ url: `/api/reviews/${(await freshPublished(f)).id}/annexes.zip` }),
      expect: everyoneFinds(404),
      reason: { ...Object.fromEntries(READERS.map((r) => [r, /^Cette revue n'a pas d'annexe/])), outsider: /^Cette revue trimestrielle est introuvable/, anonymous: "Connectez-vous pour continuer." },
    },
  ],
  "POST /api/reviews/:reviewId/exports": [{ call: async (f) => ({ url: `/api/reviews/${(await freshPublished(f)).id}/exports`, payload: { format: "html" } }), expect: readers }],
  // Public: the contract's page is published and publishes its reviews.
  "GET /api/public/contracts/:slug/reviews/:reviewId.html": [
    { call: async (f) => ({ url: await publicReview(f, true) }), expect: everyone("ok"), check: (res) => expect(res.body).toMatch(/^<!doctype html>/i) },
    { call: async (f) => ({ url: await publicReview(f, false) }), expect: everyone(404), reason: "Cette revue n'est pas publiée sur la page publique du contrat." },
  ],
  "GET /api/account/preferences": [{ call: () => ({ url: "/api/account/preferences" }), expect: signedIn }],
  "PUT /api/account/preferences": [{ call: () => ({ url: "/api/account/preferences", payload: { reviewReminders: true } }), expect: signedIn }],
};

/**
 * Documents in preparation are the business of the person who asked for them alone:
 * the admin starts the job here (as a feature route would, through app.jobs), gets
 * "ok"; everyone else, the other roles and even other admins, gets 404.
 * jobs.test.ts checks the same rule with a coordinator as the owner.
 */
import { loadActor } from "../../../policies/actor.js";
import { startTestJob } from "../../jobs.js";
import { type Cases, type Expected, type Fixture, type Role } from "../support.js";

const ownerOnly: Record<Role, Expected> = { admin: "ok", coordinator: 404, lead: 404, partner: 404, ars: 404, outsider: 404, anonymous: 401 };

/** A finished job of the admin (who prepares every target of the matrix). */
async function adminJob(f: Fixture): Promise<string> {
  const { user } = await f.admin.refreshSession();
  const actor = await loadActor(f.ctx.database.db, user!);
  const jobs = f.ctx.server.jobs;
  const job = await startTestJob(jobs, actor, "Document de test", async (report) => {
    report(50, "Mise en page du document");
    return { fileName: "Document de test.txt", mediaType: "text/plain; charset=utf-8", body: Buffer.from("Bonjour") };
  });
  await jobs.settled(job.id);
  return job.id;
}

export const jobCases: Cases = {
  "GET /api/jobs/:jobId": [{ call: async (f) => ({ url: `/api/jobs/${await adminJob(f)}` }), expect: ownerOnly }],
  "GET /api/jobs/:jobId/file": [{ call: async (f) => ({ url: `/api/jobs/${await adminJob(f)}/file` }), expect: ownerOnly }],
};

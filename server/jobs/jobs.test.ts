import Fastify from "fastify";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { documentJobs, users } from "../db/schema.js";
import { contentDisposition } from "../http/content-disposition.js";
import { notFound } from "../http/problem.js";
import type { Actor } from "../policies/index.js";
import { loadActor } from "../policies/actor.js";
import { ADMIN_EMAIL, startTestApp, type TestContext } from "../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../testing/client.js";
import { defineTestJob, startTestJob, TEST_JOB, testJobData, until } from "../testing/jobs.js";
import { DOCUMENTS_QUEUE, JOB_NOT_FOUND, REQUESTER_GONE, replyWithJob, type DocumentJobs, type JobFile } from "./jobs.js";
import { JobQueue } from "./queue.js";
import { JobStore } from "./store.js";

const file = (name = "Revue T3 2021.pdf"): JobFile => ({ fileName: name, mediaType: "application/pdf", body: Buffer.from("%PDF-1.7 test") });

/** A promise resolved from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let ctx: TestContext;
let jobs: DocumentJobs;
let alice: Actor;
let bob: Actor;
let coordinator: TestClient;

async function actorOf(email: string): Promise<Actor> {
  const [user] = await ctx.database.db.select().from(users).where(eq(users.email, email));
  return loadActor(ctx.database.db, { id: user!.id, name: user!.name, email: user!.email, isAdmin: user!.isAdmin });
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  jobs = ctx.server.jobs;
  alice = await actorOf("marie.dupont@camvs.test");
  bob = await actorOf("thomas.petit@capvm.test");
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

/** Removes every job (each test counts its own). */
async function clear() {
  await ctx.database.db.delete(documentJobs);
}

describe("a job", () => {
  it("is queued at once, reports its progress while running, then gives its file", async () => {
    await clear();
    const reading = deferred<void>();
    const layout = deferred<JobFile>();
    const job = await startTestJob(jobs, alice, "Revue trimestrielle T3 2021 (PDF)", async (report) => {
      report(10, "Lecture des données");
      await reading.promise;
      report(60, "Mise en page du document");
      return layout.promise;
    });
    expect(job).toMatchObject({ label: "Revue trimestrielle T3 2021 (PDF)", state: "queued", percent: 0, step: "En attente" });
    await until(() => jobs.view(alice, job.id), (v) => v.step === "Lecture des données");
    expect(await jobs.view(alice, job.id)).toMatchObject({ state: "running", percent: 10 });
    reading.resolve();
    await until(() => jobs.view(alice, job.id), (v) => v.percent === 60);
    expect(await jobs.view(alice, job.id)).toMatchObject({ state: "running", step: "Mise en page du document" });
    expect((await jobs.view(alice, job.id)).fileName).toBeUndefined();
    layout.resolve(file());
    const done = await jobs.settled(job.id);
    expect(done).toEqual({ id: job.id, label: "Revue trimestrielle T3 2021 (PDF)", state: "done", percent: 100, step: "Document prêt", fileName: "Revue T3 2021.pdf" });
    expect((await jobs.file(alice, job.id)).body.toString()).toBe("%PDF-1.7 test");
  });

  it("keeps its percentage between 0 and 99 while running, never going back, and ignores reports once ended", async () => {
    let late: ((p: number, s: string) => void) | undefined;
    const gate = deferred<void>();
    const job = await startTestJob(jobs, alice, "Test", async (report) => {
      late = report;
      report(150, "Trop loin");
      await gate.promise;
      return file();
    });
    await until(() => jobs.view(alice, job.id), (v) => v.percent === 99);
    late!(20, "En arrière");
    await until(() => jobs.view(alice, job.id), (v) => v.step === "En arrière");
    expect((await jobs.view(alice, job.id)).percent).toBe(99);
    gate.resolve();
    await jobs.settled(job.id);
    late!(5, "Après la fin");
    await new Promise((r) => setTimeout(r, 50));
    expect(await jobs.view(alice, job.id)).toMatchObject({ state: "done", percent: 100, step: "Document prêt" });
  });

  it("fails with the French detail of a Problem or of a render error, and a French sentence for anything else", async () => {
    const log = vi.spyOn(jobs.log, "error").mockImplementation(() => {});
    try {
      const problem = await startTestJob(jobs, alice, "A", async () => {
        throw notFound("Cette revue est introuvable.");
      });
      const render = await startTestJob(jobs, alice, "B", async () => {
        throw Object.assign(new Error("render of pdf timed out"), { detail: "La mise en page du document a pris plus de 60 secondes et a été interrompue." });
      });
      const bug = await startTestJob(jobs, alice, "C", async () => {
        throw new TypeError("cannot read properties of undefined (reading 'title')");
      });
      expect(await jobs.settled(problem.id)).toMatchObject({ state: "failed", step: "Échec de la préparation", error: "Cette revue est introuvable." });
      expect(await jobs.settled(render.id)).toMatchObject({ state: "failed", error: "La mise en page du document a pris plus de 60 secondes et a été interrompue." });
      const failed = await jobs.settled(bug.id);
      expect(failed.error).toMatch(/^Le document n'a pas pu être préparé à cause d'une erreur inattendue\./);
      expect(failed.error).not.toContain("undefined");
      expect(failed.fileName).toBeUndefined();
      // Unexpected failures are logged (the user's mistakes are not).
      expect(log).toHaveBeenCalledTimes(2);
      await expect(jobs.file(alice, bug.id)).rejects.toThrow(/a échoué/);
    } finally {
      log.mockRestore();
    }
  });

  it("runs as its requester is when it runs: a deactivated account gets no document", async () => {
    const sophie = await actorOf("sophie.leroy@camvs.test");
    const [row] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, "sophie.leroy@camvs.test"));
    const gate = deferred<void>();
    const held = await startTestJob(jobs, alice, "Bloque un travailleur", async () => (await gate.promise, file()));
    const held2 = await startTestJob(jobs, alice, "Bloque l'autre", async () => (await gate.promise, file()));
    const job = await startTestJob(jobs, sophie, "Revue (PDF)", async () => file());
    await ctx.database.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, row!.id));
    gate.resolve();
    try {
      expect(await jobs.settled(job.id)).toMatchObject({ state: "failed", error: REQUESTER_GONE });
      await jobs.settled(held.id);
      await jobs.settled(held2.id);
    } finally {
      await ctx.database.db.update(users).set({ deactivatedAt: null }).where(eq(users.id, row!.id));
    }
  });

  it("is nobody else's business: someone else gets 404, as for a job that does not exist", async () => {
    const job = await startTestJob(jobs, alice, "A", async () => file());
    await jobs.settled(job.id);
    for (const read of [() => jobs.view(bob, job.id), () => jobs.file(bob, job.id), () => jobs.view(alice, crypto.randomUUID())])
      await expect(read()).rejects.toThrow(expect.objectContaining({ status: 404, detail: JOB_NOT_FOUND }));
    const before = await ctx.database.db.select().from(documentJobs);
    await expect(startTestJob(jobs, { kind: "anonymous" }, "A", async () => file())).rejects.toThrow(expect.objectContaining({ status: 401 }));
    expect(await ctx.database.db.select().from(documentJobs)).toEqual(before);
  });

  it("has no file before it is done (409)", async () => {
    const gate = deferred<JobFile>();
    const job = await startTestJob(jobs, alice, "A", () => gate.promise);
    await expect(jobs.file(alice, job.id)).rejects.toThrow(expect.objectContaining({ status: 409 }));
    gate.resolve(file());
    await jobs.settled(job.id);
    expect((await jobs.file(alice, job.id)).fileName).toBe("Revue T3 2021.pdf");
  });
});

describe("20 per person", () => {
  it("accepts exactly 20 in progress per person, and refuses the 21st with a French 429, writing nothing", async () => {
    await clear();
    const gate = deferred<JobFile>();
    const accepted = [];
    for (let i = 0; i < 20; i++) accepted.push(await startTestJob(jobs, alice, `Document ${i + 1}`, () => gate.promise));
    expect(accepted.map((j) => j.state)).toEqual(Array(20).fill("queued"));
    await expect(startTestJob(jobs, alice, "Document 21", () => gate.promise)).rejects.toThrow(
      expect.objectContaining({ status: 429, title: "Trop de requêtes", detail: "Vous avez déjà 20 documents en préparation : attendez qu'ils soient prêts avant d'en demander d'autres." }),
    );
    expect(await ctx.database.db.$count(documentJobs)).toBe(20);
    // Bob has his own count.
    const bobs = await startTestJob(jobs, bob, "b", () => gate.promise);
    gate.resolve(file());
    await Promise.all([...accepted, bobs].map((j) => jobs.settled(j.id)));
    // Once they are ready, the oldest finished one makes room for the next.
    expect((await startTestJob(jobs, alice, "Document 21", async () => file())).state).toBe("queued");
    await expect(jobs.view(alice, accepted[0]!.id)).rejects.toThrow(expect.objectContaining({ status: 404 }));
    expect((await jobs.view(alice, accepted[1]!.id)).state).toBe("done");
  });

  it("keeps at most 20 per person: the oldest finished go first, in progress ones never", async () => {
    await clear();
    const gate = deferred<JobFile>();
    const first = await startTestJob(jobs, alice, "1", async () => file());
    await jobs.settled(first.id);
    const running = [];
    for (let i = 0; i < 19; i++) running.push(await startTestJob(jobs, alice, String(i + 2), () => gate.promise));
    expect((await jobs.view(alice, first.id)).state).toBe("done");
    // The 21st makes room by forgetting the finished one: 20 in progress, and no room left.
    running.push(await startTestJob(jobs, alice, "21", () => gate.promise));
    await expect(jobs.view(alice, first.id)).rejects.toThrow(expect.objectContaining({ status: 404 }));
    await expect(startTestJob(jobs, alice, "22", () => gate.promise)).rejects.toThrow(expect.objectContaining({ status: 429 }));
    gate.resolve(file());
    await Promise.all(running.map((j) => jobs.settled(j.id)));
  });
});

describe("expiry", () => {
  it("forgets a job 15 minutes after it ended, not before, with its file", async () => {
    await clear();
    let now = new Date("2026-12-05T10:00:00Z");
    const store = new JobStore(ctx.database.db, ctx.server.storage, 15 * 60_000, () => now);
    const job = (await store.create({ owner: "user:x", requester: { kind: "system", name: "test" }, kind: "k", data: {}, label: "A", step: "En attente" }, 20))!;
    // A job in progress does not expire, however long it takes.
    now = new Date(now.getTime() + 60 * 60_000);
    expect((await store.read(job.id))?.view.state).toBe("queued");
    await store.finish(job.id, file(), "Document prêt");
    now = new Date(now.getTime() + 15 * 60_000 - 1);
    expect((await store.read(job.id))?.view.state).toBe("done");
    expect(await store.purge()).toBe(0);
    now = new Date(now.getTime() + 2);
    expect(await store.read(job.id)).toBeNull();
    expect(await store.purge()).toBe(1);
    expect(await ctx.server.storage.get(`jobs/${job.id}`)).toBeNull();
  });
});

describe("a restart", () => {
  it("loses no job: one queued by a process that stopped before running it is run by the next process to start", async () => {
    // A fresh database whose app has not started its queue yet.
    const other = await startTestApp();
    try {
      const [admin] = await other.database.db.select().from(users).where(eq(users.email, ADMIN_EMAIL));
      // The stopped process: it recorded the job and queued it, and ran nothing.
      const store = new JobStore(other.database.db, other.server.storage, 15 * 60_000, () => new Date());
      const requester = { kind: "user" as const, id: admin!.id, name: admin!.name, email: admin!.email, isAdmin: true };
      const job = (await store.create({ owner: `user:${admin!.id}`, requester, kind: TEST_JOB, data: testJobData(async () => file("Repris.pdf")), label: "Repris", step: "En attente" }, 20))!;
      const stopped = new JobQueue(other.database, { error: () => {} });
      await (await stopped.start()).createQueue(DOCUMENTS_QUEUE);
      expect(await stopped.send(DOCUMENTS_QUEUE, { jobId: job.id })).toEqual(expect.any(String));
      await stopped.stop();
      expect((await store.read(job.id))?.view.state).toBe("queued");
      // The next process starts as the server does: it takes the job up.
      defineTestJob(other.server.jobs);
      await other.server.jobs.listen();
      await other.server.queue.start();
      expect(await other.server.jobs.settled(job.id, 20_000)).toMatchObject({ state: "done", fileName: "Repris.pdf" });
    } finally {
      await other.close();
    }
  }, 120_000);
});

describe("contentDisposition", () => {
  it("gives an ASCII name and the French one encoded (RFC 5987)", () => {
    expect(contentDisposition("Revue T3 2021 — Melun Val de Seine (version 2).pdf")).toBe(
      `attachment; filename="Revue T3 2021 _ Melun Val de Seine (version 2).pdf"; filename*=UTF-8''Revue%20T3%202021%20%E2%80%94%20Melun%20Val%20de%20Seine%20%28version%202%29.pdf`,
    );
    expect(contentDisposition(`Rapport d'activité "2021".docx`, "inline")).toBe(`inline; filename="Rapport d'activite _2021_.docx"; filename*=UTF-8''Rapport%20d%27activit%C3%A9%20%222021%22.docx`);
  });
});

describe("replyWithJob", () => {
  it("answers 202 with the job and its address", async () => {
    const app = Fastify();
    app.post("/api/demo", async (_request, reply) => replyWithJob(reply, await startTestJob(jobs, alice, "Démo", async () => file())));
    const res = await app.inject({ method: "POST", url: "/api/demo" });
    expect(res.statusCode).toBe(202);
    const { job } = res.json<{ job: { id: string; state: string } }>();
    expect(job.state).toBe("queued");
    expect(res.headers.location).toBe(`/api/jobs/${job.id}`);
    await jobs.settled(job.id);
    await app.close();
  });
});

describe("the job routes", () => {
  it("show the progress and then give the file to the person who started the job, with its French name", async () => {
    const gate = deferred<void>();
    const job = await startTestJob(jobs, alice, "Revue trimestrielle T3 2021 (DOCX)", async (report) => {
      report(40, "Mise en page du document");
      await gate.promise;
      return { fileName: "Revue trimestrielle T3 2021 — Melun Val de Seine.docx", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body: Buffer.from("PK fichier") };
    });
    await until(() => jobs.view(alice, job.id), (v) => v.percent === 40);
    const running = await coordinator.inject({ url: `/api/jobs/${job.id}` });
    expect(running.statusCode).toBe(200);
    expect(running.json()).toEqual({ job: { id: job.id, label: "Revue trimestrielle T3 2021 (DOCX)", state: "running", percent: 40, step: "Mise en page du document" } });

    const early = await coordinator.inject({ url: `/api/jobs/${job.id}/file` });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ detail: "Ce document est encore en préparation : attendez qu'il soit prêt pour le télécharger." });

    gate.resolve();
    await jobs.settled(job.id);
    expect((await coordinator.inject({ url: `/api/jobs/${job.id}` })).json()).toMatchObject({ job: { state: "done", percent: 100, fileName: "Revue trimestrielle T3 2021 — Melun Val de Seine.docx" } });
    const res = await coordinator.inject({ url: `/api/jobs/${job.id}/file` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="Revue trimestrielle T3 2021 _ Melun Val de Seine.docx"; filename*=UTF-8''Revue%20trimestrielle%20T3%202021%20%E2%80%94%20Melun%20Val%20de%20Seine.docx`,
    );
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toBe("PK fichier");
  });

  it("answer 404 to everyone else, the platform admin included, and 401 without a session", async () => {
    const job = await startTestJob(jobs, alice, "Rapport annuel 2021 (PDF)", async () => file());
    await jobs.settled(job.id);
    const others = [ctx.app, await signedInClient(ctx.server, "sophie.leroy@camvs.test"), await signedInClient(ctx.server, "thomas.petit@capvm.test")];
    for (const client of others)
      for (const url of [`/api/jobs/${job.id}`, `/api/jobs/${job.id}/file`]) {
        const res = await client.inject({ url });
        expect(res.statusCode, url).toBe(404);
        expect(res.json()).toMatchObject({ detail: "Ce document en préparation est introuvable." });
      }
    const anonymous = await anonymousClient(ctx.server);
    expect((await anonymous.inject({ url: `/api/jobs/${job.id}` })).statusCode).toBe(401);
    // The owner still has it.
    expect((await coordinator.inject({ url: `/api/jobs/${job.id}/file` })).statusCode).toBe(200);
  });

  it("tell a failed job's French detail, and have no file for it (409)", async () => {
    const job = await startTestJob(jobs, alice, "Revue (PDF)", async () => {
      throw notFound("Cette revue est introuvable.");
    });
    await jobs.settled(job.id);
    expect((await coordinator.inject({ url: `/api/jobs/${job.id}` })).json()).toMatchObject({ job: { state: "failed", error: "Cette revue est introuvable." } });
    const res = await coordinator.inject({ url: `/api/jobs/${job.id}/file` });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ detail: "La préparation de ce document a échoué : il n'y a pas de fichier à télécharger." });
  });

  it("refuse a 21st document while 20 are in preparation, with a French 429, and accept it once they are ready", async () => {
    await clear();
    const contracts = (await coordinator.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
    const camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
    const draft = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2022, quarter: 4 } });
    expect(draft.statusCode, draft.body).toBe(201);
    const review = draft.json<{ id: string; version: number }>();
    expect((await coordinator.inject({ method: "POST", url: `/api/reviews/${review.id}/publish`, payload: { version: review.version } })).statusCode).toBe(200);
    const ask = () => coordinator.inject({ method: "POST", url: `/api/reviews/${review.id}/exports`, payload: { format: "html" } });

    const gate = deferred<JobFile>();
    const held = [];
    for (let i = 0; i < 20; i++) held.push(await startTestJob(jobs, alice, `Document ${i + 1}`, () => gate.promise));
    const refused = await ask();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ status: 429, title: "Trop de requêtes", detail: "Vous avez déjà 20 documents en préparation : attendez qu'ils soient prêts avant d'en demander d'autres." });

    gate.resolve(file());
    await Promise.all(held.map((j) => jobs.settled(j.id)));
    const accepted = await ask();
    expect(accepted.statusCode, accepted.body).toBe(202);
    expect((await jobs.settled(accepted.json<{ job: { id: string } }>().job.id)).state).toBe("done");
  });

  it("refuse an identifier that is not one (400) and an unknown one (404)", async () => {
    expect((await coordinator.inject({ url: "/api/jobs/pas-un-identifiant" })).statusCode).toBe(400);
    const res = await coordinator.inject({ url: `/api/jobs/${crypto.randomUUID()}` });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ detail: JOB_NOT_FOUND });
  });
});

import Fastify from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { contentDisposition } from "../http/content-disposition.js";
import { notFound } from "../http/problem.js";
import type { Actor } from "../policies/index.js";
import { loadActor } from "../policies/actor.js";
import { startTestApp, type TestContext } from "../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../testing/client.js";
import { JOB_NOT_FOUND, JobRegistry, jobs, replyWithJob, type JobFile } from "./jobs.js";

const person = (id: string): Actor => ({ kind: "user", id, name: id, email: `${id}@test.fr`, isAdmin: false, memberships: new Map(), arsContractIds: new Set(), arsDepartments: new Set() });
const alice = person("alice");
const bob = person("bob");
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

const tick = () => new Promise((r) => setImmediate(r));

describe("a job", () => {
  it("is queued at once, reports its progress while running, then gives its file", async () => {
    const registry = new JobRegistry();
    const reading = deferred<void>();
    const layout = deferred<JobFile>();
    const job = registry.start(alice, "Revue trimestrielle T3 2021 (PDF)", async (report) => {
      report(10, "Lecture des données");
      await reading.promise;
      report(60, "Mise en page du document");
      return layout.promise;
    });
    expect(job).toMatchObject({ label: "Revue trimestrielle T3 2021 (PDF)", state: "queued", percent: 0, step: "En attente" });
    await tick();
    expect(registry.view(alice, job.id)).toMatchObject({ state: "running", percent: 10, step: "Lecture des données" });
    reading.resolve();
    await tick();
    expect(registry.view(alice, job.id)).toMatchObject({ state: "running", percent: 60, step: "Mise en page du document" });
    expect(registry.view(alice, job.id).fileName).toBeUndefined();
    layout.resolve(file());
    const done = await registry.settled(job.id);
    expect(done).toEqual({ id: job.id, label: "Revue trimestrielle T3 2021 (PDF)", state: "done", percent: 100, step: "Document prêt", fileName: "Revue T3 2021.pdf" });
    expect(registry.file(alice, job.id).body.toString()).toBe("%PDF-1.7 test");
  });

  it("keeps its percentage between 0 and 99 while running, never going back, and ignores reports once ended", async () => {
    const registry = new JobRegistry();
    let late: ((p: number, s: string) => void) | undefined;
    const gate = deferred<void>();
    const job = registry.start(alice, "Test", async (report) => {
      late = report;
      report(150, "Trop loin");
      await gate.promise;
      return file();
    });
    await tick();
    expect(registry.view(alice, job.id).percent).toBe(99);
    late!(20, "En arrière");
    expect(registry.view(alice, job.id)).toMatchObject({ percent: 99, step: "En arrière" });
    gate.resolve();
    await registry.settled(job.id);
    late!(5, "Après la fin");
    expect(registry.view(alice, job.id)).toMatchObject({ state: "done", percent: 100, step: "Document prêt" });
  });

  it("fails with the French detail of a Problem or of a render error, and a French sentence for anything else", async () => {
    const registry = new JobRegistry();
    const log = { error: vi.fn() };
    registry.log = log;
    const problem = registry.start(alice, "A", async () => {
      throw notFound("Cette revue est introuvable.");
    });
    const render = registry.start(alice, "B", async () => {
      throw Object.assign(new Error("render of pdf timed out"), { detail: "La mise en page du document a pris plus de 60 secondes et a été interrompue." });
    });
    const bug = registry.start(alice, "C", async () => {
      throw new TypeError("cannot read properties of undefined (reading 'title')");
    });
    expect(await registry.settled(problem.id)).toMatchObject({ state: "failed", step: "Échec de la préparation", error: "Cette revue est introuvable." });
    expect(await registry.settled(render.id)).toMatchObject({ state: "failed", error: "La mise en page du document a pris plus de 60 secondes et a été interrompue." });
    const failed = await registry.settled(bug.id);
    expect(failed.error).toMatch(/^Le document n'a pas pu être préparé à cause d'une erreur inattendue\./);
    expect(failed.error).not.toContain("undefined");
    expect(failed.fileName).toBeUndefined();
    // Unexpected failures are logged (the user's mistakes are not).
    expect(log.error).toHaveBeenCalledTimes(2);
    expect(() => registry.file(alice, bug.id)).toThrow(/a échoué/);
  });

  it("is nobody else's business: someone else gets 404, as for a job that does not exist", async () => {
    const registry = new JobRegistry();
    const job = registry.start(alice, "A", async () => file());
    await registry.settled(job.id);
    for (const read of [() => registry.view(bob, job.id), () => registry.file(bob, job.id), () => registry.view(alice, crypto.randomUUID())])
      expect(read).toThrow(expect.objectContaining({ status: 404, detail: JOB_NOT_FOUND }));
    expect(() => registry.start({ kind: "anonymous" }, "A", async () => file())).toThrow(expect.objectContaining({ status: 401 }));
  });

  it("has no file before it is done (409)", async () => {
    const registry = new JobRegistry();
    const gate = deferred<JobFile>();
    const job = registry.start(alice, "A", () => gate.promise);
    expect(() => registry.file(alice, job.id)).toThrow(expect.objectContaining({ status: 409 }));
    gate.resolve(file());
    await registry.settled(job.id);
    expect(registry.file(alice, job.id).fileName).toBe("Revue T3 2021.pdf");
  });

  it("accepts exactly 20 in progress per person, and refuses the 21st with a French 429", async () => {
    // The registry of the server, with its real limit: not a smaller stand-in.
    const registry = new JobRegistry();
    const gate = deferred<JobFile>();
    const accepted = Array.from({ length: 20 }, (_, i) => registry.start(alice, `Document ${i + 1}`, () => gate.promise));
    expect(accepted.map((j) => j.state)).toEqual(Array(20).fill("queued"));
    expect(() => registry.start(alice, "Document 21", () => gate.promise)).toThrow(
      expect.objectContaining({ status: 429, title: "Trop de requêtes", detail: "Vous avez déjà 20 documents en préparation : attendez qu'ils soient prêts avant d'en demander d'autres." }),
    );
    // Bob has his own count.
    const bobs = registry.start(bob, "b", () => gate.promise);
    gate.resolve(file());
    await Promise.all([...accepted, bobs].map((j) => registry.settled(j.id)));
    // Once they are ready, the oldest finished one makes room for the next.
    expect(registry.start(alice, "Document 21", async () => file()).state).toBe("queued");
    expect(() => registry.view(alice, accepted[0]!.id)).toThrow(expect.objectContaining({ status: 404 }));
    expect(registry.view(alice, accepted[1]!.id).state).toBe("done");
  });

  it("keeps at most 20 per person: the oldest finished go first, in progress ones never", async () => {
    const registry = new JobRegistry();
    const gate = deferred<JobFile>();
    const first = registry.start(alice, "1", async () => file());
    await registry.settled(first.id);
    // 19 in progress next to the finished one: 20 jobs, all kept.
    const running = Array.from({ length: 19 }, (_, i) => registry.start(alice, String(i + 2), () => gate.promise));
    expect(registry.view(alice, first.id).state).toBe("done");
    // The 21st makes room by forgetting the finished one: 20 in progress, and no room left.
    running.push(registry.start(alice, "21", () => gate.promise));
    expect(() => registry.view(alice, first.id)).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => registry.start(alice, "22", () => gate.promise)).toThrow(expect.objectContaining({ status: 429 }));
    await tick();
    for (const job of running) expect(registry.view(alice, job.id).state).toBe("running");
    gate.resolve(file());
    await Promise.all(running.map((j) => registry.settled(j.id)));
  });
});

describe("expiry", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("forgets a job 15 minutes after it ended, not before", async () => {
    vi.useFakeTimers();
    const registry = new JobRegistry();
    const gate = deferred<JobFile>();
    const job = registry.start(alice, "A", () => gate.promise);
    // A job in progress does not expire, however long it takes.
    vi.advanceTimersByTime(60 * 60_000);
    expect(registry.view(alice, job.id).state).not.toBe("done");
    gate.resolve(file());
    await registry.settled(job.id);
    vi.advanceTimersByTime(15 * 60_000 - 1);
    expect(registry.view(alice, job.id).state).toBe("done");
    vi.advanceTimersByTime(1);
    expect(() => registry.view(alice, job.id)).toThrow(expect.objectContaining({ status: 404, detail: JOB_NOT_FOUND }));
  });
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
    app.post("/api/demo", async (_request, reply) => replyWithJob(reply, jobs.start(alice, "Démo", async () => file())));
    const res = await app.inject({ method: "POST", url: "/api/demo" });
    expect(res.statusCode).toBe(202);
    const { job } = res.json<{ job: { id: string; state: string } }>();
    expect(job.state).toBe("queued");
    expect(res.headers.location).toBe(`/api/jobs/${job.id}`);
    await app.close();
  });
});

describe("the job routes", () => {
  let ctx: TestContext;
  let coordinator: TestClient;
  let coordinatorActor: Actor;

  beforeAll(async () => {
    ctx = await startTestApp({ seed: true });
    coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
    const { user } = await coordinator.refreshSession();
    coordinatorActor = await loadActor(ctx.database.db, user!);
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it("show the progress and then give the file to the person who started the job, with its French name", async () => {
    const gate = deferred<void>();
    const job = jobs.start(coordinatorActor, "Revue trimestrielle T3 2021 (DOCX)", async (report) => {
      report(40, "Mise en page du document");
      await gate.promise;
      return { fileName: "Revue trimestrielle T3 2021 — Melun Val de Seine.docx", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body: Buffer.from("PK fichier") };
    });
    await tick();
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
    const job = jobs.start(coordinatorActor, "Rapport annuel 2021 (PDF)", async () => file());
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
    const job = jobs.start(coordinatorActor, "Revue (PDF)", async () => {
      throw notFound("Cette revue est introuvable.");
    });
    await jobs.settled(job.id);
    expect((await coordinator.inject({ url: `/api/jobs/${job.id}` })).json()).toMatchObject({ job: { state: "failed", error: "Cette revue est introuvable." } });
    const res = await coordinator.inject({ url: `/api/jobs/${job.id}/file` });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ detail: "La préparation de ce document a échoué : il n'y a pas de fichier à télécharger." });
  });

  it("refuse a 21st document while 20 are in preparation, with a French 429, and accept it once they are ready", async () => {
    const contracts = (await coordinator.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
    const camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
    const draft = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2022, quarter: 4 } });
    expect(draft.statusCode, draft.body).toBe(201);
    const review = draft.json<{ id: string; version: number }>();
    expect((await coordinator.inject({ method: "POST", url: `/api/reviews/${review.id}/publish`, payload: { version: review.version } })).statusCode).toBe(200);
    const ask = () => coordinator.inject({ method: "POST", url: `/api/reviews/${review.id}/exports`, payload: { format: "html" } });

    const gate = deferred<JobFile>();
    const held = Array.from({ length: 20 }, (_, i) => jobs.start(coordinatorActor, `Document ${i + 1}`, () => gate.promise));
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

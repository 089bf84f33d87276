/**
 * The property-based fuzz of the write routes (issue 12). For every POST, PUT,
 * PATCH and DELETE under /api, found in the app (no case to write for a new
 * route), requests drawn from the route's zod schema and from hostile values
 * are sent as the platform admin on the seeded demo. For every answer:
 *  - the status is below 500;
 *  - a refusal (>= 400) is application/problem+json, with its status in the body;
 *  - a refusal wrote nothing: same fingerprint of the database (every table, the
 *    audit count) and of the stored files before and after.
 *
 * Environment: FUZZ_SEED (fixed by default), FUZZ_RUNS (cases per route),
 * FUZZ_ROUTE_SECONDS (time cap of one route, for those slowed by password hashing),
 * FUZZ_ROUTE (only the routes whose "METHOD /api/…" contains it), FUZZ_PATH
 * (replays one shrunk case, with FUZZ_SEED and FUZZ_ROUTE), FUZZ_KEEP_GOING=1
 * (does not stop at the first failure of a route: lists every distinct cause;
 * FUZZ_REPORT=<file> also appends each failing case to that file as a JSON line),
 * FUZZ_STATS=1 (prints the answers of each route by status).
 */
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { accounts, signInFailures, users } from "../../db/schema.js";
import { DEMO_PASSWORD } from "../../demo/accounts.js";
import { ADMIN_EMAIL, startTestApp, type TestContext } from "../app.js";
import { TestClient } from "../client.js";
import { type Fingerprint, fingerprintChanges, fingerprintedTables, settle, takeFingerprint } from "./fingerprint.js";
import { causeKey, errorLog, type Finding, showFinding, showRequest } from "./report.js";
import { encode, type FuzzRequest, requestArb } from "./requests.js";
import { examplesFor, idPools, loadIds, routesOfPart, type WriteRoute, writeRoutes } from "./routes.js";

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_512);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/**
 * A route whose cases are slow (scrypt for passwords) stops after this many
 * seconds, shrinking included: 10 s for the default 150 cases, more for a long run.
 */
export const FUZZ_ROUTE_SECONDS = Number(process.env.FUZZ_ROUTE_SECONDS ?? Math.max(10, FUZZ_RUNS / 15));
const ONLY = process.env.FUZZ_ROUTE;
const REPLAY_PATH = process.env.FUZZ_PATH;
const KEEP_GOING = process.env.FUZZ_KEEP_GOING === "1";
/** With FUZZ_KEEP_GOING: a file to append every failing case to, one JSON line each. */
const REPORT_FILE = process.env.FUZZ_REPORT;
const STATS = process.env.FUZZ_STATS === "1";

const sizeOf = (request: FuzzRequest) => encode(request).payload?.length ?? 0;

/** The seed of one route: FUZZ_SEED mixed with the route, so that routes do not all draw alike. */
export function routeSeed(route: string): number {
  let h = FUZZ_SEED | 0;
  for (const c of route) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

/** The main client, signed in as the admin again whenever a request ended or changed its session. */
class AdminSession {
  client: TestClient;
  private passwordHash: string | null = null;
  resignIns = 0;

  constructor(private readonly ctx: TestContext) {
    this.client = ctx.app;
  }

  async init(): Promise<void> {
    const [row] = await this.ctx.database.db.select({ hash: accounts.password }).from(accounts).innerJoin(users, eq(users.id, accounts.userId)).where(eq(users.email, ADMIN_EMAIL));
    this.passwordHash = row?.hash ?? null;
  }

  /** After a success: still the admin? Else (signed out, another account, password changed) sign in again. */
  async ensure(): Promise<void> {
    const res = await this.client.inject({ url: "/api/auth/session" });
    if (res.statusCode === 200 && res.json<{ user: { email: string } | null }>().user?.email === ADMIN_EMAIL) return;
    this.resignIns++;
    const db = this.ctx.database.db;
    // The fuzz may have locked the address out or changed the password: back to the demo's.
    await db.delete(signInFailures);
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, ADMIN_EMAIL));
    if (admin && this.passwordHash) await db.update(accounts).set({ password: this.passwordHash }).where(eq(accounts.userId, admin.id));
    const client = new TestClient(this.ctx.server);
    await client.refreshSession();
    const remoteAddress = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`;
    const signIn = await client.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: ADMIN_EMAIL, password: DEMO_PASSWORD }, remoteAddress });
    if (signIn.statusCode !== 200) throw new Error(`the fuzz could not sign the admin in again: ${signIn.statusCode} ${signIn.body}`);
    await client.refreshSession();
    this.client = client;
  }
}

/**
 * Counts the mail being sent: one sent without being awaited (the password
 * reset's, on purpose) must land before the next fingerprint, not in it.
 */
function trackMail(ctx: TestContext): () => Promise<void> {
  const pending = new Set<Promise<void>>();
  const send = ctx.server.mailer.send.bind(ctx.server.mailer);
  ctx.server.mailer.send = (message) => {
    const sending = send(message);
    pending.add(sending);
    sending.then(
      () => pending.delete(sending),
      () => pending.delete(sending),
    );
    return sending;
  };
  return async () => {
    while (pending.size) await Promise.allSettled([...pending]);
  };
}

class RouteFailure extends Error {
  constructor(readonly finding: Finding) {
    super(showFinding(finding));
  }
}

/** Real files to upload: the fiches workbook of each contract (a valid import). */
async function sampleFiles(ctx: TestContext): Promise<{ name: string; content: Buffer }[]> {
  const list = await ctx.app.inject({ url: "/api/contracts" });
  const ids = list.statusCode === 200 ? (list.json<{ items?: { id: string }[] }>().items ?? []).map((c) => c.id) : [];
  const files: { name: string; content: Buffer }[] = [];
  for (const id of ids.slice(0, 2)) {
    const res = await ctx.app.inject({ url: `/api/contracts/${id}/actions.xlsx` });
    if (res.statusCode === 200) files.push({ name: "fiches.xlsx", content: res.rawPayload });
  }
  return files;
}

/**
 * Fuzzes part `part` of `of` of the write routes, one test per route. The app
 * (one database per test file) is started while the tests are collected, as
 * the routes are only known once it is built.
 */
export async function fuzzWriteRoutes(part: number, of: number): Promise<void> {
  const log = errorLog();
  const ctx = await startTestApp({ seed: true, logger: { level: "error", stream: log.stream } });
  const mailSent = trackMail(ctx);
  const session = new AdminSession(ctx);
  await session.init();
  const tables = await fingerprintedTables(ctx.database.db);
  const files = await sampleFiles(ctx);
  const routes = routesOfPart(writeRoutes(ctx.server), part, of).filter((r) => !ONLY || r.key.includes(ONLY));
  let before: Fingerprint | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  /** Answers of the current route by status, shown with FUZZ_STATS=1 (does the fuzz reach the services?). */
  const statuses = new Map<number, number>();
  let counter = 0;
  const fingerprint = () => takeFingerprint(ctx.database.db, tables, [ctx.filesDir, ctx.outboxDir]);

  describe(`fuzz of the write routes (part ${part} of ${of}, seed ${FUZZ_SEED}, ${FUZZ_RUNS} cases per route)`, () => {
    afterAll(async () => {
      await ctx.close();
    });

    /** Sends one request and checks the answer; returns what is wrong, or null. */
    async function check(route: WriteRoute, request: FuzzRequest): Promise<Finding | null> {
      if (!before) {
        await mailSent();
        await settle([ctx.filesDir, ctx.outboxDir]);
        before = await fingerprint();
      }
      const sent = encode(request);
      const reqId = `fuzz-${++counter}-${randomUUID().slice(0, 8)}`;
      const res = await session.client.inject({ method: request.method, url: request.url, headers: { ...sent.headers, "x-request-id": reqId }, ...(sent.payload !== undefined ? { payload: sent.payload } : {}), remoteAddress: request.remoteAddress });
      const serverError = log.take(reqId);
      const status = res.statusCode;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const causes: string[] = [];
      let changes: string[] = [];
      if (status >= 500) {
        const reason = serverError?.stack.find((line) => line.startsWith("caused by")) ?? serverError?.message.split("\n")[0] ?? res.body;
        causes.push(`answered ${status}: ${causeKey(reason)}`);
      }
      if (status >= 400) {
        const type = String(res.headers["content-type"] ?? "");
        let bodyStatus: unknown;
        try {
          bodyStatus = res.json<{ status?: unknown }>().status;
        } catch {
          bodyStatus = undefined;
        }
        if (!type.startsWith("application/problem+json")) causes.push(`refusal ${status} answered as ${type || "no content type"}, not application/problem+json`);
        else if (bodyStatus !== status) causes.push(`problem+json body with status ${String(bodyStatus)} for an answer ${status}`);
        const after = await fingerprint();
        changes = fingerprintChanges(before, after);
        if (changes.length) causes.push(`refused (${status}) but wrote: ${causeKey(changes.join("; "))}`);
        before = after;
      } else {
        before = undefined;
        await session.ensure();
      }
      if (!causes.length) return null;
      return { route: route.key, cause: causes.join(" / "), status, request, response: res.body.slice(0, 2000), serverError, changes };
    }

    if (!routes.length) it.skip(`no route of part ${part} matches FUZZ_ROUTE`, () => {});
    for (const route of routes) {
      it(route.key, async () => {
        const ids = idPools(await loadIds(ctx.database.db, [DEMO_PASSWORD]), route);
        const examples = await examplesFor(route, ctx.server.apiRoutes, ids, (url) => session.client.inject({ url }));
        const arb = fc.limitShrink(requestArb(route, ids, files, examples), 150);
        const found = new Map<string, Finding>();
        const seed = routeSeed(route.key);
        const details = await fc.check(
          fc.asyncProperty(arb, async (request) => {
            const running = check(route, request);
            inFlight = running.catch(() => null);
            const finding = await running;
            if (!finding) return;
            if (!KEEP_GOING) throw new RouteFailure(finding);
            const known = found.get(finding.cause);
            if (!known || sizeOf(finding.request) < sizeOf(known.request)) found.set(finding.cause, finding);
            if (REPORT_FILE) appendFileSync(REPORT_FILE, `${JSON.stringify({ route: route.key, cause: finding.cause, status: finding.status, size: sizeOf(finding.request), request: showRequest(finding.request), response: finding.response.slice(0, 300), serverError: finding.serverError, changes: finding.changes })}\n`);
          }),
          { seed, numRuns: FUZZ_RUNS, plugins: [fc.interruptAfterTimeLimit(FUZZ_ROUTE_SECONDS * 1000)], ...(REPLAY_PATH ? { path: REPLAY_PATH } : {}), endOnFailure: KEEP_GOING },
        );
        // The time cap returns without waiting for the case under way: let it end before the next route starts.
        await inFlight;
        before = undefined;
        if (STATS) console.info(`${route.key}: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${n}× ${status}`).join(", ")}`);
        statuses.clear();
        if (details.interrupted && !details.failed) console.info(`${route.key}: ${details.numRuns} cases before the time cap of ${FUZZ_ROUTE_SECONDS} s`);
        if (details.failed) {
          const replay = `FUZZ_SEED=${FUZZ_SEED} FUZZ_ROUTE='${route.key}' FUZZ_PATH=${details.counterexamplePath} (replays this case; the data may differ when earlier routes did not run)`;
          const error = details.errorInstance;
          const message = error instanceof RouteFailure ? showFinding(error.finding, replay) : `${String(error instanceof Error ? error.stack : error)}\n  replay: ${replay}`;
          throw new Error(`${route.key}: failed after ${details.numRuns} cases and ${details.numShrinks} shrinks\n${message}`);
        }
        if (found.size) {
          const report = [...found.values()].map((f) => showFinding(f)).join("\n\n");
          throw new Error(`${route.key}: ${found.size} distinct causes in ${FUZZ_RUNS} cases\n\n${report}`);
        }
      }, 120_000 + FUZZ_ROUTE_SECONDS * 2000);
    }
  });
}

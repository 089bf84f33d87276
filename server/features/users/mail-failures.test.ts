/**
 * Mail the SMTP server did not take is tried again through the shared queue, then listed for
 * the platform admin, who sends it again (issue 17, item 1).
 */
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { until } from "../../testing/jobs.js";
import { startSmtpReceiver, type SmtpReceiver } from "../../testing/smtp.js";
import { MAIL_NOT_FAILED, MAIL_NOT_FOUND } from "./mail-failures.js";

/** A port nobody listens on (yet). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type Failure = { id: string; to: string; subject: string; state: string; tries: number; error: string | null; nextTryAt: string | null };

let ctx: TestContext;
let admin: TestClient;
let port: number;
let smtp: SmtpReceiver | undefined;

beforeAll(async () => {
  port = await freePort();
  // Two more tries, a second apart: the test sees the whole life of an undelivered message.
  ctx = await startTestApp({ seed: true, smtpUrl: `smtp://127.0.0.1:${port}`, mailRetry: { limit: 2, delaySeconds: 1 } });
  admin = await signedInClient(ctx.server, "admin@cles.test");
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});

const failures = async () => (await admin.inject({ url: "/api/admin/mail-failures" })).json<{ items: Failure[] }>().items;

describe("undelivered mail", () => {
  it("is tried again, then listed as given up, and sent when the admin asks once the server is back", async () => {
    expect(await failures()).toEqual([]);
    const created = await admin.inject({ method: "POST", url: "/api/admin/users", payload: { email: "nouvelle@exemple.fr", name: "Nouvelle Personne", role: "admin" } });
    expect(created.statusCode, created.body).toBe(201);
    // The first try failed: the link is shown, and the message waits for another try.
    expect(created.json()).toMatchObject({ mailSent: false });
    const waiting = await until(failures, (items) => items.length === 1);
    expect(waiting[0]).toMatchObject({ to: "nouvelle@exemple.fr", subject: expect.stringContaining("Clés") });
    // After two more tries, it is given up, with what the network said.
    const [failed] = await until(failures, (items) => items[0]?.state === "failed", 30_000);
    expect(failed).toMatchObject({ state: "failed", tries: 3, nextTryAt: null, error: expect.stringContaining("ECONNREFUSED") });

    // The server is back: « Renvoyer ».
    smtp = await startSmtpReceiver(port);
    const retried = await admin.inject({ method: "POST", url: `/api/admin/mail-failures/${failed!.id}/retry` });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toEqual({ retried: true });
    expect((await smtp.waitFor("nouvelle@exemple.fr")).subject).toBe(failed!.subject);
    await until(failures, (items) => items.length === 0);
  }, 60_000);

  it("is the platform admin's alone: 401 without a session, 403 to the others, and nothing sent", async () => {
    const anonymous = await anonymousClient(ctx.server);
    const coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
    const id = crypto.randomUUID();
    expectProblem(await anonymous.inject({ url: "/api/admin/mail-failures" }), 401);
    expectProblem(await anonymous.inject({ method: "POST", url: `/api/admin/mail-failures/${id}/retry` }), 401);
    expectProblem(await coordinator.inject({ url: "/api/admin/mail-failures" }), 403);
    expectProblem(await coordinator.inject({ method: "POST", url: `/api/admin/mail-failures/${id}/retry` }), 403);
  });

  it("refuses an identifier that is not one (400), an unknown one (404), and a message still being tried (409)", async () => {
    const bad = expectProblem(await admin.inject({ method: "POST", url: "/api/admin/mail-failures/pas-un-id/retry" }), 400);
    expect(JSON.stringify(bad)).toContain("Identifiant invalide.");
    expect(expectProblem(await admin.inject({ method: "POST", url: `/api/admin/mail-failures/${crypto.randomUUID()}/retry` }), 404).detail).toBe(MAIL_NOT_FOUND);
    // The server goes away again: a new message waits for its next try, and cannot be forced.
    await smtp!.close();
    smtp = undefined;
    await admin.inject({ method: "POST", url: "/api/admin/users", payload: { email: "autre@exemple.fr", name: "Autre Personne", role: "admin" } });
    const [waiting] = await until(failures, (items) => items.length === 1);
    expect(waiting).toMatchObject({ to: "autre@exemple.fr", state: "retry", tries: 1, nextTryAt: expect.any(String) });
    expect(expectProblem(await admin.inject({ method: "POST", url: `/api/admin/mail-failures/${waiting!.id}/retry` }), 409).detail).toBe(MAIL_NOT_FAILED);
  }, 30_000);
});

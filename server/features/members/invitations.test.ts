/** The invitation and password-reset flows, end to end through a real SMTP receiver. */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, users } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { linkIn, startSmtpReceiver, type SmtpReceiver } from "../../testing/smtp.js";

let ctx: TestContext;
let smtp: SmtpReceiver;
let coordinator: TestClient;
let camvsId: string;
let fiches: Map<number, string>;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  ctx = await startTestApp({ seed: true, smtpUrl: smtp.url });
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  const list = (await coordinator.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>();
  camvsId = list.items.find((c) => c.slug === "camvs-2021-2023")!.id;
  const actions = (await coordinator.inject({ url: `/api/contracts/${camvsId}/actions` })).json<{ items: { id: string; number: number }[] }>();
  fiches = new Map(actions.items.map((a) => [a.number, a.id]));
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});

const invite = (body: Record<string, unknown>) => coordinator.inject({ method: "POST", url: `/api/contracts/${camvsId}/invitations`, payload: body });

describe("invitations", () => {
  it("invites a lead by e-mail; the invitee sets a password through the single-use link, and edits only their fiches", async () => {
    const res = await invite({ email: "Nadia.Roux@Exemple.fr", role: "lead", actionIds: [fiches.get(3)] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ outcome: "invited", email: "nadia.roux@exemple.fr", mailSent: true });
    const mail = await smtp.waitFor("nadia.roux@exemple.fr", /Invitation/);
    expect(mail.text).toContain("Marie Dupont vous invite à rejoindre le");
    expect(mail.text).toContain("Pilote de fiches (FA 3)");
    const token = linkIn(mail).pathname.split("/").at(-1)!;

    const visitor = await anonymousClient(ctx.server);
    const described = await visitor.inject({ url: `/api/invitations/${token}` });
    expect(described.statusCode).toBe(200);
    expect(described.json()).toMatchObject({ email: "nadia.roux@exemple.fr", role: "lead", invitedBy: "Marie Dupont" });

    const weak = await visitor.inject({ method: "POST", url: `/api/invitations/${token}/accept`, payload: { name: "Nadia Roux", password: "court" } });
    expect(expectProblem(weak, 400).errors?.[0]?.path).toBe("password");
    const accepted = await visitor.inject({ method: "POST", url: `/api/invitations/${token}/accept`, payload: { name: "Nadia Roux", password: "un mot de passe solide" } });
    expect(accepted.statusCode).toBe(201);
    expect(visitor.hasCookie("cles.session_token")).toBe(true);
    await visitor.refreshSession();
    const account = (await visitor.inject({ url: "/api/account" })).json<{ memberships: { role: string; actions: { number: number }[] }[] }>();
    expect(account.memberships).toEqual([expect.objectContaining({ role: "lead", actions: [expect.objectContaining({ number: 3 })] })]);

    // The link served once: a second use is refused with a clear French message, and nothing changes.
    const [before] = await ctx.database.db.select({ n: count() }).from(users);
    const again = await (await anonymousClient(ctx.server)).inject({ method: "POST", url: `/api/invitations/${token}/accept`, payload: { name: "Intrus", password: "un autre mot de passe" } });
    expect(expectProblem(again, 410).detail).toMatch(/expiré|déjà été utilisé/);
    expect((await (await anonymousClient(ctx.server)).inject({ url: `/api/invitations/${token}` })).statusCode).toBe(410);
    const [after] = await ctx.database.db.select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);

    // Signs in with the new password and may edit FA 3, not FA 4.
    const nadia = await signedInClient(ctx.server, "nadia.roux@exemple.fr", "un mot de passe solide");
    const fa3 = (await nadia.inject({ url: `/api/actions/${fiches.get(3)}` })).json<{ permissions: { update: boolean } }>();
    expect(fa3.permissions.update).toBe(true);
    const fa4 = (await nadia.inject({ url: `/api/actions/${fiches.get(4)}` })).json<{ permissions: { update: boolean } }>();
    expect(fa4.permissions.update).toBe(false);
  });

  it("refuses an expired invitation with a clear page, and changes nothing", async () => {
    expect((await invite({ email: "tard@exemple.fr", role: "partner", actionIds: [] })).statusCode).toBe(201);
    const token = linkIn(await smtp.waitFor("tard@exemple.fr")).pathname.split("/").at(-1)!;
    await ctx.database.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, "tard@exemple.fr"));
    const visitor = await anonymousClient(ctx.server);
    const res = await visitor.inject({ method: "POST", url: `/api/invitations/${token}/accept`, payload: { name: "Trop Tard", password: "un mot de passe solide" } });
    expect(expectProblem(res, 410).detail).toContain("Demandez une nouvelle invitation");
    expect(await ctx.database.db.select().from(users).where(eq(users.email, "tard@exemple.fr"))).toEqual([]);
  });

  it("adds a person who already has an account at once, and tells them by mail", async () => {
    const res = await invite({ email: "thomas.petit@capvm.test", role: "partner", actionIds: [] });
    expect(res.json()).toMatchObject({ outcome: "added" });
    expect((await smtp.waitFor("thomas.petit@capvm.test", /rejoint/)).text).toContain("Partenaire / signataire");
    const members = (await coordinator.inject({ url: `/api/contracts/${camvsId}/members` })).json<{ items: { email: string; role: string }[] }>();
    expect(members.items).toContainEqual(expect.objectContaining({ email: "thomas.petit@capvm.test", role: "partner" }));
  });

  it("refuses bad invitations with field errors, and writes nothing", async () => {
    const [before] = await ctx.database.db.select({ n: count() }).from(invitations);
    expect(expectProblem(await invite({ email: "pas-une-adresse", role: "partner", actionIds: [] }), 400).errors?.[0]?.path).toBe("email");
    expect(expectProblem(await invite({ email: "x@exemple.fr", role: "lead", actionIds: [] }), 400).errors?.[0]?.path).toBe("actionIds");
    expect(expectProblem(await invite({ email: "x@exemple.fr", role: "chef", actionIds: [] }), 400).errors?.[0]?.path).toBe("role");
    expect(expectProblem(await invite({ email: "marie.dupont@camvs.test", role: "partner", actionIds: [] }), 409).detail).toContain("déjà membre");
    const [after] = await ctx.database.db.select({ n: count() }).from(invitations);
    expect(after!.n).toBe(before!.n);
  });

  it("keeps at least one coordinator", async () => {
    const members = (await coordinator.inject({ url: `/api/contracts/${camvsId}/members` })).json<{ items: { userId: string; email: string }[] }>();
    const marie = members.items.find((m) => m.email === "marie.dupont@camvs.test")!;
    const res = await coordinator.inject({ method: "DELETE", url: `/api/contracts/${camvsId}/members/${marie.userId}` });
    expect(expectProblem(res, 409).detail).toContain("au moins un·e coordinateur·rice");
  });
});

describe("password reset", () => {
  it("mails a single-use link; the new password works, the old one and the other sessions do not", async () => {
    const partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
    const visitor = await anonymousClient(ctx.server);
    const asked = await visitor.inject({ method: "POST", url: "/api/auth/password-reset-request", payload: { email: "karim.benali@cpam77.test" } });
    expect(asked.statusCode).toBe(202);
    const unknown = await visitor.inject({ method: "POST", url: "/api/auth/password-reset-request", payload: { email: "personne@exemple.fr" } });
    expect(unknown.json()).toEqual(asked.json());

    const token = linkIn(await smtp.waitFor("karim.benali@cpam77.test", /Réinitialisation/)).pathname.split("/").at(-1)!;
    const reset = await visitor.inject({ method: "POST", url: "/api/auth/password-reset", payload: { token, password: "nouveau mot de passe 2026" } });
    expect(reset.statusCode).toBe(204);
    const reused = await visitor.inject({ method: "POST", url: "/api/auth/password-reset", payload: { token, password: "encore un autre mot de passe" } });
    expect(expectProblem(reused, 410).detail).toContain("a expiré ou a déjà servi");

    expect((await partner.inject({ url: "/api/account" })).statusCode).toBe(401);
    await expect(signedInClient(ctx.server, "karim.benali@cpam77.test")).rejects.toThrow(/401/);
    await signedInClient(ctx.server, "karim.benali@cpam77.test", "nouveau mot de passe 2026");
    expect(smtp.messages.some((m) => m.to === "personne@exemple.fr")).toBe(false);
  });

  it("keeps only the newest link working: an older unused one stops when a newer one is sent (issue 12)", async () => {
    const visitor = await anonymousClient(ctx.server);
    const linkNumber = async (n: number) => {
      expect((await visitor.inject({ method: "POST", url: "/api/auth/password-reset-request", payload: { email: "sophie.leroy@camvs.test" } })).statusCode).toBe(202);
      await expect.poll(() => smtp.messages.filter((m) => m.to === "sophie.leroy@camvs.test" && /Réinitialisation/.test(m.subject)).length).toBe(n);
      return linkIn(smtp.messages.filter((m) => m.to === "sophie.leroy@camvs.test" && /Réinitialisation/.test(m.subject)).at(-1)!).pathname.split("/").at(-1)!;
    };
    const older = await linkNumber(1);
    const newer = await linkNumber(2);
    expect(newer).not.toBe(older);
    const stale = await visitor.inject({ method: "POST", url: "/api/auth/password-reset", payload: { token: older, password: "mot de passe du vieux lien" } });
    expect(expectProblem(stale, 410).detail).toContain("a expiré ou a déjà servi");
    await signedInClient(ctx.server, "sophie.leroy@camvs.test");
    const fresh = await visitor.inject({ method: "POST", url: "/api/auth/password-reset", payload: { token: newer, password: "mot de passe du nouveau lien" } });
    expect(fresh.statusCode).toBe(204);
    await signedInClient(ctx.server, "sophie.leroy@camvs.test", "mot de passe du nouveau lien");
  });
});

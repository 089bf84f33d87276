/**
 * Residents' public pages in their other states, and the coordination's pages around them
 * (issue 14): the contract's public page with its participation section, a call whose
 * registrations are closed, a call that is full (the waitlist said before one registers) —
 * each with no axe violation of any impact (public forms meet RGAA); the « registre des
 * traitements » with none serious or critical; a table's moderator picked among the
 * contract's members, saved with the member's account.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signedInClient } from "../server/testing/client.js";
import { camvsParticipation, createWorkshop, registrationPayload, type WorkshopView } from "../server/testing/matrix/cases/participation.js";
import { DEMO_ACCOUNTS, seriousViolations, useBrowser } from "./browser.js";
import { allViolations } from "./keyboard.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);

async function signedOutPage(): Promise<Page> {
  const context = await browser.ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
  return context.newPage();
}

describe("residents' public pages and the register, in the browser", () => {
  it("shows the public page, a closed call and a full call without any axe violation; the register; a moderator picked among members", { timeout: 300_000 }, async () => {
    const { page, ctx } = browser;
    const coordinator = await signedInClient(ctx.app, DEMO_ACCOUNTS.camvsCoordinator);
    const camvs = (await coordinator.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "camvs-2021-2023")!;
    const { bodyId, communeInsee } = await camvsParticipation(ctx.database.db, camvs.id);
    const published = await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs.id}/publication`, payload: { published: true } });
    expect(published.statusCode, published.body).toBe(200);

    // The demo's workshop: its call closed on 22 October 2021.
    const workshops = (await coordinator.inject(`/api/contracts/${camvs.id}/workshops`)).json<{ items: { id: string; title: string }[] }>().items;
    const demo = workshops.find((w) => w.title.startsWith("Atelier des habitants — World Café"))!;
    expect(demo, workshops.map((w) => w.title).join(", ")).toBeDefined();

    // A call with 2 places, both taken: a third person would go on the waitlist.
    const full = await createWorkshop(coordinator, camvs.id, bodyId, { published: true, overrides: { title: "Atelier complet (illustratif)", capacity: 2, maxPerTable: 2, tableCount: 1, moderators: [], topics: [{ title: "Accès aux soins (illustratif)", questions: [], actionIds: [] }] } });
    for (const firstName of ["Awa", "Inès"]) {
      const res = await coordinator.inject({ method: "POST", url: `/api/workshops/${full.id}/registrations`, payload: registrationPayload({ sessionIds: full.sessions.map((s) => s.id), communeInsee }, { firstName }) });
      expect(res.statusCode, res.body).toBe(201);
    }

    const publicViolations: Record<string, string[]> = {};
    const visitor = await signedOutPage();
    try {
      await visitor.goto(`${ctx.baseUrl}/public/${camvs.slug}`);
      await visitor.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
      await visitor.getByRole("link", { name: "Atelier complet (illustratif)" }).waitFor();
      publicViolations.contract = await allViolations(visitor);

      await visitor.goto(`${ctx.baseUrl}/public/${camvs.slug}/ateliers/${demo.id}`);
      await visitor.getByRole("heading", { level: 2, name: "Les inscriptions sont closes" }).waitFor();
      expect(await visitor.getByText("La date limite d'inscription était le 22 octobre 2021.", { exact: false }).count()).toBe(1);
      expect(await visitor.locator("form").count()).toBe(0);
      publicViolations.closed = await allViolations(visitor);

      await visitor.goto(`${ctx.baseUrl}/public/${camvs.slug}/ateliers/${full.id}`);
      await visitor.getByText("L'atelier est complet : vous serez inscrit(e) sur la liste d'attente.", { exact: false }).waitFor();
      publicViolations.full = await allViolations(visitor);
    } finally {
      await visitor.context().close();
    }

    // The coordination's register of processing.
    const violations: Record<string, string[]> = {};
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/registre-des-traitements`);
    await page.getByRole("heading", { level: 1, name: "Registre des traitements" }).waitFor();
    violations.register = await seriousViolations(page);

    // A moderator picked among the contract's members is saved with her account; a typed name without one.
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/ateliers/${full.id}/modifier`);
    await page.getByRole("heading", { level: 1, name: "Modifier : Atelier complet (illustratif)" }).waitFor();
    const moderator = page.getByLabel("Animateur ou animatrice de la table 1 (facultatif)");
    expect(await moderator.getAttribute("list")).toBe("cles-moderator-members");
    // The contract's members are proposed once they have loaded.
    await page.locator('datalist#cles-moderator-members option[value="Marie Dupont"]').waitFor({ state: "attached" });
    const options = await page.locator("datalist#cles-moderator-members option").evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
    expect(options).toContain("Marie Dupont");
    await moderator.fill("Marie Dupont");
    await page.getByText("Membre du contrat ; il ou elle reste à sa table pendant la rotation.").waitFor();
    violations.edit = await seriousViolations(page);
    await page.getByRole("button", { name: "Enregistrer l'atelier" }).click();
    // Exact: the edit page's own heading « Modifier : Atelier complet (illustratif) » holds the same words.
    await page.getByRole("heading", { level: 1, name: "Atelier complet (illustratif)", exact: true }).waitFor();
    const saved = (await coordinator.inject(`/api/workshops/${full.id}`)).json<WorkshopView>();
    const marie = (await coordinator.inject("/api/account")).json<{ id: string }>().id;
    expect(saved.moderators).toEqual([{ userId: marie, name: "Marie Dupont" }]);

    expect(publicViolations).toEqual({ contract: [], closed: [], full: [] });
    expect(violations).toEqual({ register: [], edit: [] });
  });
});

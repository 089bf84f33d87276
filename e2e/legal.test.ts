/**
 * The pages every French public service has (issue 15 item 16, issue 19 item 1) and the menu
 * inside a contract (issue 15 item 10). Signed out, each of the four pages opens from the
 * DSFR footer's links, with one h1 and no axe violation of any impact. Signed in as the CAMVS
 * coordinator, the contract's side menu is on the dashboard with aria-current on « Tableau de
 * bord », is reached with Tab and leads to « Réunions » with Enter; on a phone it folds behind
 * its button.
 */
import { describe, expect, it } from "vitest";
import { signedInClient } from "../server/testing/client.js";
import { DEMO_ACCOUNTS, seriousViolations, signInContext, useBrowser } from "./browser.js";
import { allViolations, focused, tabTo } from "./keyboard.js";

const browser = useBrowser(null);

/** The footer's link, the page's h1, and a sentence the page must say. */
const PAGES = [
  { link: "Mentions légales", heading: "Mentions légales", says: /à compléter par l'opérateur de l'instance[\s\S]*licence libre MIT[\s\S]*licence Etalab 2\.0/ },
  { link: "Données personnelles", heading: "Données personnelles", says: /Inscriptions des habitants aux ateliers[\s\S]*12 mois par défaut[\s\S]*CNIL[\s\S]*cles\.device/ },
  { link: "Accessibilité : non conforme", heading: "Déclaration d'accessibilité", says: /non conforme[\s\S]*57 pages, chacune à 1\u202f280 pixels et à 320 pixels de large : aucune erreur[\s\S]*4 décembre 2026[\s\S]*09 69 39 00 00[\s\S]*Libre réponse 71120/ },
  { link: "Plan du site", heading: "Plan du site", says: /Connexion[\s\S]*Mot de passe oublié[\s\S]*Déclaration d'accessibilité/ },
];

describe("legal pages and the contract menu", () => {
  it("opens the four legal pages from the footer, signed out, with no axe violation", { timeout: 180_000 }, async () => {
    const { page, ctx } = browser;
    const violations: Record<string, string[]> = {};
    for (const p of PAGES) {
      await page.goto(`${ctx.baseUrl}/connexion`);
      await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
      await page.getByRole("contentinfo").getByRole("link", { name: p.link, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: p.heading }).waitFor();
      await expect(page.getByRole("heading", { level: 1 }).count()).resolves.toBe(1);
      expect(await page.getByRole("main").innerText()).toMatch(p.says);
      const found = await allViolations(page);
      if (found.length) violations[p.heading] = found;
    }
    expect(violations).toEqual({});
  });

  it("shows the contract menu to the CAMVS coordinator, marks the page, and moves with the keyboard", { timeout: 180_000 }, async () => {
    const { page, ctx } = browser;
    const coordinator = await signedInClient(ctx.app, DEMO_ACCOUNTS.camvsCoordinator);
    const contracts = (await coordinator.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>();
    const camvs = contracts.items.find((c) => c.slug === "camvs-2021-2023")!;
    await signInContext(page.context(), ctx.baseUrl, DEMO_ACCOUNTS.camvsCoordinator);

    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/tableau-de-bord`);
    await page.getByRole("heading", { level: 1, name: /^Tableau de bord/ }).waitFor();
    const menu = page.getByRole("navigation", { name: "Menu du contrat" });
    const dashboard = menu.getByRole("link", { name: "Tableau de bord", exact: true });
    await expect(dashboard.getAttribute("aria-current")).resolves.toBe("page");
    await expect(menu.locator("[aria-current]").count()).resolves.toBe(1);
    for (const name of ["Fiches actions", "Réunions", "Revues", "Membres", "Historique"]) await menu.getByRole("link", { name, exact: true }).waitFor();
    await expect(page.getByRole("heading", { level: 1 }).count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // With Tab from the top of the page, through the header, to the menu; Enter opens « Réunions ».
    await tabTo(page, "#menu-du-contrat a", { text: /^Tableau de bord$/, max: 60 });
    await tabTo(page, "#menu-du-contrat a", { text: /^Réunions$/, max: 10 });
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Réunions" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/contrats/${camvs.id}/reunions`);
    await expect(menu.getByRole("link", { name: "Réunions", exact: true }).getAttribute("aria-current")).resolves.toBe("page");
    await expect(dashboard.getAttribute("aria-current")).resolves.toBeNull();
    // Focus went to the new page's title, as after any navigation.
    await expect(focused(page, "h1")).resolves.toMatchObject({ matches: true });

    // On a phone, the menu folds behind its button, which opens it.
    await page.setViewportSize({ width: 375, height: 800 });
    const toggle = menu.getByRole("button", { name: "Menu du contrat" });
    await toggle.waitFor();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    const folded = page.locator("#menu-du-contrat-collapse");
    const height = () => folded.evaluate((el) => el.getBoundingClientRect().height);
    expect(await height()).toBeLessThan(20);
    // DSFR's script, which opens the menu, starts after the first page has shown: wait until it
    // holds the button, then for the state it sets on a later frame.
    await page.waitForFunction(() => document.querySelector('button[aria-controls="menu-du-contrat-collapse"]')?.hasAttribute("data-fr-js-collapse-button") ?? false);
    await toggle.click();
    await page.waitForFunction(() => document.querySelector('button[aria-controls="menu-du-contrat-collapse"]')?.getAttribute("aria-expanded") === "true");
    await page.waitForFunction(() => (document.querySelector("#menu-du-contrat-collapse")?.getBoundingClientRect().height ?? 0) > 200);
    await menu.getByRole("link", { name: "Calendrier", exact: true }).waitFor({ state: "visible" });

    // The site map lists the contract with its sections, signed in.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${ctx.baseUrl}/plan-du-site`);
    await page.getByRole("heading", { level: 1, name: "Plan du site" }).waitFor();
    const camvsItem = page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("link", { name: /Melun Val de Seine/ }) }).first();
    await expect(camvsItem.getByRole("link", { name: "Réunions", exact: true }).getAttribute("href")).resolves.toBe(`/contrats/${camvs.id}/reunions`);
    await page.getByRole("link", { name: "Mon compte", exact: true }).first().waitFor();
    expect(await allViolations(page)).toEqual([]);
  });
});

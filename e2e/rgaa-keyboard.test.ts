/**
 * What an RGAA audit found that axe alone does not see (issue 19, findings 2, 4, 5 and 7):
 * - on the new-fiche form, a field reached with Tab is never under the sticky action bar
 *   (1280×900), and at 320 px the bar is not sticky at all;
 * - at 320 px the contract page's scrolling tables (signatories, communes) are focusable
 *   regions named by their caption;
 * - the dashboard's governance warnings are written with the page, not read out as alerts;
 * - each contract's pages have the contract's short name in their title, and the public page its own.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { signedInClient } from "../server/testing/client.js";
import { DEMO_ACCOUNTS, signInContext, useBrowser } from "./browser.js";
import { allViolations } from "./keyboard.js";

const browser = useBrowser(null);

async function contractIds(): Promise<{ camvs: string; capvm: string }> {
  const ars = await signedInClient(browser.ctx.app, DEMO_ACCOUNTS.ars);
  const items = (await ars.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>().items;
  return { camvs: items.find((c) => c.slug.startsWith("camvs"))!.id, capvm: items.find((c) => c.slug.startsWith("capvm"))!.id };
}

/** Tabs through the page from its top; for each focus stop outside the bar, whether the bar hides it. */
async function stopsUnderTheBar(page: Page, stops: number): Promise<{ seen: number; hidden: string[] }> {
  const hidden: string[] = [];
  let seen = 0;
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const bar = document.querySelector(".cles-sticky-actions");
      if (!el || el === document.body || !bar || bar.contains(el)) return null;
      const box = el.getBoundingClientRect();
      const barBox = bar.getBoundingClientRect();
      // Hidden: the control's first line is under the bar (a tall text area may go on below it).
      const firstLine = Math.min(box.bottom, box.top + 24);
      return { hidden: firstLine > barBox.top + 1 && box.top < barBox.bottom, name: `${el.tagName.toLowerCase()}#${el.id} ${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}` };
    });
    if (!stop) continue;
    seen++;
    if (stop.hidden) hidden.push(stop.name);
  }
  return { seen, hidden };
}

describe("what the keyboard and a screen reader meet (RGAA)", () => {
  it("never hides a field reached with Tab under the new-fiche form's action bar, which is not sticky on a phone", { timeout: 180_000 }, async () => {
    const { page, ctx } = browser;
    const { camvs } = await contractIds();
    await signInContext(page.context(), ctx.baseUrl, DEMO_ACCOUNTS.camvsCoordinator);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${ctx.baseUrl}/contrats/${camvs}/fiches/nouvelle`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator(".cles-sticky-actions").waitFor();
    await expect(page.locator(".cles-sticky-actions").evaluate((el) => getComputedStyle(el).position)).resolves.toBe("sticky");
    const wide = await stopsUnderTheBar(page, 160);
    expect(wide.seen).toBeGreaterThan(40);
    expect(wide.hidden).toEqual([]);

    await page.setViewportSize({ width: 320, height: 640 });
    await page.reload();
    await page.locator(".cles-sticky-actions").waitFor();
    await expect(page.locator(".cles-sticky-actions").evaluate((el) => getComputedStyle(el).position)).resolves.toBe("static");
    const narrow = await stopsUnderTheBar(page, 160);
    expect(narrow.seen).toBeGreaterThan(40);
    expect(narrow.hidden).toEqual([]);
  });

  it("lets the keyboard reach the contract page's scrolling tables at 320 px, each a region named by its caption", { timeout: 120_000 }, async () => {
    const { page, ctx } = browser;
    const { camvs } = await contractIds();
    await signInContext(page.context(), ctx.baseUrl, DEMO_ACCOUNTS.camvsCoordinator);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${ctx.baseUrl}/contrats/${camvs}`);
    for (const name of ["Signataires du contrat", /^Communes du contrat \(\d+\)$/]) {
      const region = page.getByRole("region", { name });
      await region.waitFor();
      await expect(region.getAttribute("tabindex")).resolves.toBe("0");
      await expect(region.evaluate((el) => el.scrollWidth > el.clientWidth)).resolves.toBe(true);
    }
    const found = (await allViolations(page)).filter((v) => v.startsWith("scrollable-region-focusable"));
    expect(found).toEqual([]);
  });

  it("writes the dashboard's governance warnings with the page, and names the contract in every title", { timeout: 120_000 }, async () => {
    const { page, ctx } = browser;
    const { camvs, capvm } = await contractIds();
    await signInContext(page.context(), ctx.baseUrl, DEMO_ACCOUNTS.ars);
    await page.goto(`${ctx.baseUrl}/contrats/${capvm}/tableau-de-bord`);
    const section = page.getByRole("region", { name: "Alertes de gouvernance" });
    await section.locator(".fr-alert").first().waitFor();
    expect(await section.locator(".fr-alert").count()).toBeGreaterThan(0);
    await expect(section.evaluate((el) => el.querySelectorAll("[role=alert], [aria-live], [role=status]").length)).resolves.toBe(0);
    await expect.poll(() => page.title()).toBe("Tableau de bord — CA Paris-Vallée de la Marne — Clés");

    await page.goto(`${ctx.baseUrl}/contrats/${camvs}/tableau-de-bord`);
    await expect.poll(() => page.title()).toBe("Tableau de bord — CA Melun Val de Seine — Clés");
    await page.goto(`${ctx.baseUrl}/contrats/${camvs}/fiches`);
    await expect.poll(() => page.title()).toMatch(/ — CA Melun Val de Seine — Clés$/);
    await page.goto(`${ctx.baseUrl}/contrats/${camvs}`);
    await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
    const contractTitle = await page.title();
    expect(contractTitle).toBe("Contrat Local de Santé de la Communauté d'agglomération Melun Val de Seine — Clés");
    const published = await ctx.api.inject({ method: "PUT", url: `/api/contracts/${camvs}/publication`, payload: { published: true } });
    expect(published.statusCode).toBe(200);
    await page.goto(`${ctx.baseUrl}/public/camvs-2021-2023`);
    await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
    await expect.poll(() => page.title()).toBe(`Page publique — ${contractTitle}`);
  });

  it("keeps the focus on a download button while the document is prepared and after it is saved", { timeout: 180_000 }, async () => {
    const { page, ctx } = browser;
    const { camvs } = await contractIds();
    await signInContext(page.context(), ctx.baseUrl, DEMO_ACCOUNTS.camvsCoordinator);
    await page.goto(`${ctx.baseUrl}/contrats/${camvs}/bilan-annuel?annee=2021`);
    await page.getByRole("heading", { level: 1, name: /^Bilan annuel \d{4}$/ }).waitFor();
    const button = page.getByRole("button", { name: "Télécharger (PDF)" });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toMatch(/^bilan-annuel-\d{4}\.pdf$/);
    await page.getByRole("status").filter({ hasText: "au format PDF est téléchargé" }).waitFor({ state: "attached" });
    await expect(button.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(button.getAttribute("aria-disabled")).resolves.toBe("false");
  });
});

import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seriousViolations, startBrowserTest, type BrowserContext } from "./browser.js";

let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ctx = await startBrowserTest();
});
afterAll(async () => {
  await ctx?.close();
});
beforeEach(async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
  page = await context.newPage();
  return async () => {
    await context.close();
  };
});

async function openCapvm(): Promise<void> {
  await page.goto(ctx.baseUrl);
  await page.getByRole("link", { name: /Paris-Vallée de la Marne/ }).click();
  await page.getByRole("heading", { level: 1, name: /Paris-Vallée de la Marne/ }).waitFor();
}

/** The message a field announces (aria-describedby), as a screen reader would read it. */
async function fieldMessage(label: string | RegExp): Promise<string> {
  return page.getByLabel(label).evaluate((input) =>
    (input.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

async function openFa9Edit(): Promise<void> {
  await openCapvm();
  await page.getByRole("link", { name: /^FA 9 —/ }).click();
  await page.getByRole("heading", { level: 1, name: /^FA 9 —/ }).waitFor();
  await page.getByRole("link", { name: "Modifier la fiche" }).click();
  await page.getByRole("heading", { level: 1, name: "Modifier FA 9" }).waitFor();
}

describe("fiches actions in the browser", () => {
  it("filters the CAPVM fiches by axis, keeping the filter in the URL", async () => {
    await openCapvm();
    await page.getByRole("link", { name: /Fiches actions \(16\)/ }).click();
    await page.getByText("16 fiches trouvées").waitFor();
    await page.getByLabel("Axe", { exact: true }).selectOption({ index: 4 });
    await page.getByText("8 fiches trouvées").waitFor();
    await page.waitForURL(/[?&]axis=[0-9a-f-]{36}/);
    await expect(page.getByRole("link", { name: /Groupe de travail|Santé-droits-précarité/ }).count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: "Assurer la coordination du CLS" }).count()).resolves.toBe(0);
    // The filter survives a reload: it lives in the URL.
    await page.reload();
    await page.getByText("8 fiches trouvées").waitFor();
  });

  it("edits the target public of FA 9 and sees it after a reload", async () => {
    await openFa9Edit();
    const value = `Acteurs de terrain et habitants en précarité (${Date.now()})`;
    await page.getByLabel("Public cible").fill(value);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { level: 1, name: /^FA 9 —/ }).waitFor();
    await page.reload();
    await page.getByText(value).waitFor();
  });

  it("shows the French error next to the field of an invalid form, and saves nothing", async () => {
    await openFa9Edit();
    const title = await page.getByLabel("Intitulé de l'action").inputValue();
    await page.getByLabel("Intitulé de l'action").fill("");
    await page.getByLabel(/^Fin/).fill("2018-01");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient" });
    await summary.waitFor();
    await expect(fieldMessage("Intitulé de l'action")).resolves.toContain("L'intitulé est obligatoire.");
    await expect(fieldMessage(/^Fin/)).resolves.toContain("La fin doit être postérieure ou égale au début.");
    await page.goto(page.url().replace(/\/modifier$/, ""));
    await page.getByRole("heading", { level: 1, name: `FA 9 — ${title}` }).waitFor();
  });

  it("refuses an edit made on stale data, keeping what was typed", async () => {
    await openFa9Edit();
    const url = new URL(page.url());
    const actionId = url.pathname.split("/")[4]!;
    // Someone else saves the fiche meanwhile.
    const current = (await ctx.app.inject({ url: `/api/actions/${actionId}` })).json();
    const { axisId, objectiveId, lead, partners, ...rest } = current;
    const other = await ctx.app.inject({
      method: "PUT",
      url: `/api/actions/${actionId}`,
      payload: { ...rest, axisId, objectiveId, lead: lead && { organisation: lead.organisation, person: lead.person }, partners: partners.map(({ organisationName: _n, ...p }: Record<string, unknown>) => p), place: "Modifié par une collègue" },
    });
    expect(other.statusCode).toBe(200);
    await page.getByLabel("Lieu de l'action").fill("Ma version");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Modification refusée : la fiche a changé entre-temps").waitFor();
    await expect(page.getByLabel("Lieu de l'action").inputValue()).resolves.toBe("Ma version");
  });

  it("has no serious or critical accessibility violation on the contract, list, fiche and edit pages", async () => {
    const report: Record<string, string[]> = {};
    await openCapvm();
    report.contract = await seriousViolations(page);
    await page.getByRole("link", { name: /Fiches actions \(16\)/ }).click();
    await page.getByText("16 fiches trouvées").waitFor();
    report.list = await seriousViolations(page);
    await page.getByRole("link", { name: /Santé-droits-précarité/ }).click();
    await page.getByRole("heading", { level: 1, name: /^FA 9 —/ }).waitFor();
    report.fiche = await seriousViolations(page);
    await page.getByRole("link", { name: "Modifier la fiche" }).click();
    await page.getByRole("heading", { level: 1, name: "Modifier FA 9" }).waitFor();
    report.edit = await seriousViolations(page);
    expect(report).toEqual({ contract: [], list: [], fiche: [], edit: [] });
  });

  it("fits a 360 px wide screen without horizontal scrolling", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openCapvm();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("reaches the content through the skip link with the keyboard", async () => {
    await page.goto(ctx.baseUrl);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe("Contenu");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("contenu");
  });
});

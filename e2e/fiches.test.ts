import { describe, expect, it } from "vitest";
import { seriousViolations, useBrowser } from "./browser.js";

const browser = useBrowser();


async function openCapvm(): Promise<void> {
  await browser.page.goto(browser.ctx.baseUrl);
  await browser.page.getByRole("link", { name: /Paris-Vallée de la Marne/ }).click();
  await browser.page.getByRole("heading", { level: 1, name: /Paris-Vallée de la Marne/ }).waitFor();
}

/** The message a field announces (aria-describedby), as a screen reader would read it. */
async function fieldMessage(label: string | RegExp): Promise<string> {
  return browser.page.getByLabel(label).evaluate((input) =>
    (input.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

async function openFa9Edit(): Promise<void> {
  await openCapvm();
  await browser.page.getByRole("link", { name: /^FA 9 —/ }).click();
  await browser.page.getByRole("heading", { level: 1, name: /^FA 9 —/ }).waitFor();
  await browser.page.getByRole("link", { name: "Modifier la fiche" }).click();
  await browser.page.getByRole("heading", { level: 1, name: "Modifier FA 9" }).waitFor();
}

describe("fiches actions in the browser", () => {
  it("filters the CAPVM fiches by axis, keeping the filter in the URL", async () => {
    await openCapvm();
    await browser.page.getByRole("link", { name: /Fiches actions \(16\)/ }).click();
    await browser.page.getByText("16 fiches trouvées").waitFor();
    await browser.page.getByLabel("Axe", { exact: true }).selectOption({ index: 4 });
    await browser.page.getByText("8 fiches trouvées").waitFor();
    await browser.page.waitForURL(/[?&]axis=[0-9a-f-]{36}/);
    await expect(browser.page.getByRole("link", { name: /Groupe de travail|Santé-droits-précarité/ }).count()).resolves.toBe(1);
    await expect(browser.page.getByRole("link", { name: "Assurer la coordination du CLS" }).count()).resolves.toBe(0);
    // The filter survives a reload: it lives in the URL.
    await browser.page.reload();
    await browser.page.getByText("8 fiches trouvées").waitFor();
  });

  it("edits the target public of FA 9 and sees it after a reload", async () => {
    await openFa9Edit();
    const value = `Acteurs de terrain et habitants en précarité (${Date.now()})`;
    await browser.page.getByLabel("Public cible").fill(value);
    await browser.page.getByRole("button", { name: "Enregistrer" }).click();
    await browser.page.getByRole("heading", { level: 1, name: /^FA 9 —/ }).waitFor();
    await browser.page.reload();
    await browser.page.getByText(value).first().waitFor();
  });

  it("shows the French error next to the field of an invalid form, and saves nothing", async () => {
    await openFa9Edit();
    const title = await browser.page.getByLabel("Intitulé de l'action").inputValue();
    await browser.page.getByLabel("Intitulé de l'action").fill("");
    await browser.page.getByLabel(/^Fin/).fill("2018-01");
    await browser.page.getByRole("button", { name: "Enregistrer" }).click();
    const summary = browser.page.getByRole("alert").filter({ hasText: "Le formulaire contient" });
    await summary.waitFor();
    await expect(fieldMessage("Intitulé de l'action")).resolves.toContain("L'intitulé est obligatoire.");
    await expect(fieldMessage(/^Fin/)).resolves.toContain("La fin doit être postérieure ou égale au début.");
    await browser.page.goto(browser.page.url().replace(/\/modifier$/, ""));
    await browser.page.getByRole("heading", { level: 1, name: `FA 9 — ${title}` }).waitFor();
  });

  it("refuses an edit made on stale data, keeping what was typed", async () => {
    await openFa9Edit();
    const url = new URL(browser.page.url());
    const actionId = url.pathname.split("/")[4]!;
    // Someone else saves the fiche meanwhile.
    const current = (await browser.ctx.api.inject({ url: `/api/actions/${actionId}` })).json();
    const { axisId, objectiveId, lead, partners, ...rest } = current;
    const other = await browser.ctx.api.inject({
      method: "PUT",
      url: `/api/actions/${actionId}`,
      payload: { ...rest, axisId, objectiveId, lead: lead && { organisation: lead.organisation, person: lead.person }, partners: partners.map(({ organisationName: _n, ...p }: Record<string, unknown>) => p), place: "Modifié par une collègue" },
    });
    expect(other.statusCode).toBe(200);
    await browser.page.getByLabel("Lieu de l'action").fill("Ma version");
    await browser.page.getByRole("button", { name: "Enregistrer" }).click();
    await browser.page.getByText("Modification refusée : la fiche a changé entre-temps").waitFor();
    await expect(browser.page.getByLabel("Lieu de l'action").inputValue()).resolves.toBe("Ma version");
  });

  it("has no serious or critical accessibility violation on the contract, list, fiche and edit pages", async () => {
    const report: Record<string, string[]> = {};
    await openCapvm();
    report.contract = await seriousViolations(browser.page);
    await browser.page.getByRole("link", { name: /Fiches actions \(16\)/ }).click();
    await browser.page.getByText("16 fiches trouvées").waitFor();
    report.list = await seriousViolations(browser.page);
    await browser.page.getByRole("link", { name: /Santé-droits-précarité/ }).click();
    await browser.page.getByRole("heading", { level: 1, name: /^FA 9 —/ }).waitFor();
    report.fiche = await seriousViolations(browser.page);
    await browser.page.getByRole("link", { name: "Modifier la fiche" }).click();
    await browser.page.getByRole("heading", { level: 1, name: "Modifier FA 9" }).waitFor();
    report.edit = await seriousViolations(browser.page);
    expect(report).toEqual({ contract: [], list: [], fiche: [], edit: [] });
  });

  it("fits a 360 px wide screen without horizontal scrolling", async () => {
    await browser.page.setViewportSize({ width: 360, height: 740 });
    await openCapvm();
    const overflow = await browser.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("reaches the content through the skip link with the keyboard", async () => {
    await browser.page.goto(browser.ctx.baseUrl);
    await browser.page.getByRole("heading", { level: 1 }).waitFor();
    await browser.page.keyboard.press("Tab");
    const focused = await browser.page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe("Contenu");
    await browser.page.keyboard.press("Enter");
    await expect(browser.page.evaluate(() => document.activeElement?.id)).resolves.toBe("contenu");
  });
});

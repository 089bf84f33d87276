/**
 * A review shared before Clés, in the browser (issue 16, item 9): the CAMVS coordinator
 * records that the 1st quarter of 2021's review was sent by e-mail, is told when the day is
 * wrong, sees the quarter marked, a partner sees it too, and the coordinator removes it —
 * from the keyboard, the focus always on a button, Escape closing the form.
 */
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, signInContext, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);
const focusedText = () => browser.page.evaluate(() => document.activeElement?.textContent?.trim() ?? document.activeElement?.tagName);

async function openReviews(): Promise<string> {
  const { page, ctx } = browser;
  await page.goto(ctx.baseUrl);
  await page.getByRole("link", { name: /Melun Val de Seine/ }).first().click();
  await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
  const contract = new URL(page.url()).pathname;
  await page.getByRole("link", { name: /Revues trimestrielles/ }).click();
  await page.getByRole("heading", { level: 1, name: "Revues trimestrielles" }).waitFor();
  return contract;
}

describe("a review shared before Clés", () => {
  it("is recorded on its quarter with the day it was shared, seen by a partner, then removed", async () => {
    const { page, ctx } = browser;
    const contract = await openReviews();
    const quarter = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "1er trimestre 2021" }) });
    const open = quarter.getByRole("button", { name: "Déjà partagée hors Clés : enregistrer la revue du 1er trimestre 2021" });

    // Escape closes the form and gives the focus back to its button.
    await open.click();
    const form = page.getByRole("form", { name: "Revue du 1er trimestre 2021 partagée hors Clés" });
    await expect(form.getByLabel(/Partagée le/).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await form.waitFor({ state: "detached" });
    await expect(open.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    // A day before the quarter: said next to the field, which gets the focus.
    await page.keyboard.press("Enter");
    await form.getByLabel(/Partagée le/).fill("2020-12-01");
    await form.getByLabel(/Précision/).fill("Envoyée par courriel aux signataires et aux pilotes");
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.getByText("Une revue du 1er trimestre 2021 est partagée à partir du 01/01/2021.").waitFor();
    await expect(form.getByLabel(/Partagée le/).evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await form.getByLabel(/Partagée le/).fill("2021-04-12");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await quarter.getByText("Partagée hors Clés le 12/04/2021 — Envoyée par courriel aux signataires et aux pilotes").waitFor();
    await page.getByRole("status").filter({ hasText: "La revue du 1er trimestre 2021 est enregistrée comme partagée hors Clés." }).waitFor({ state: "attached" });
    await expect.poll(focusedText).toMatch(/^Retirer/);

    // A partner sees which quarters were shared that way.
    const partnerContext = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
    await signInContext(partnerContext, ctx.baseUrl, DEMO_ACCOUNTS.partner);
    try {
      const partner = await partnerContext.newPage();
      await partner.goto(`${ctx.baseUrl}${contract}/revues`);
      await partner.getByRole("heading", { level: 1, name: "Revues trimestrielles" }).waitFor();
      await partner.getByText("Partagée hors Clés le 12/04/2021 — Envoyée par courriel aux signataires et aux pilotes").waitFor();
      expect(await partner.getByRole("button", { name: /Déjà partagée hors Clés|Retirer/ }).count()).toBe(0);
    } finally {
      await partnerContext.close();
    }

    // Removing asks once more; the focus then lands on the button that records it again.
    await quarter.getByRole("button", { name: /^Retirer/ }).click();
    await quarter.getByRole("button", { name: /^Confirmer la suppression/ }).click();
    await quarter.getByText("Pas encore de revue").waitFor();
    await expect.poll(focusedText).toMatch(/^Déjà partagée hors Clés/);
  });
});

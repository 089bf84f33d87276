/**
 * A date known only by its month in the browser (issue 18): the lead of CAMVS FA 5 records a
 * progress entry « Mois seulement » with the keyboard (arrows in the radio group, then the month
 * field), sees it titled by its month, and the server keeps the month's 1st with the precision
 * « month »; the demo's CPAM meeting « en août » reads « Avancement d'août 2021 », FA 9's
 * working group « réalisé en mars 2021 ». No serious axe violation.
 */
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, signIn, useBrowser } from "./browser.js";

const browser = useBrowser(null);

async function openFollowUp(number: number): Promise<void> {
  const { page, ctx } = browser;
  await page.goto(ctx.baseUrl);
  await page.getByRole("link", { name: /Melun Val de Seine/ }).first().click();
  await page.getByRole("link", { name: new RegExp(`^FA ${number} —`) }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(`^FA ${number} —`) }).waitFor();
  await page.getByRole("link", { name: "Suivi de la fiche" }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(`^Suivi de la FA ${number} —`) }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Remarques partenaires" }).waitFor();
  await expect.poll(() => page.getByRole("main").getByRole("status").count()).toBe(0);
}

describe("dates known only by their month, in the browser", () => {
  it("shows the demo's months as months and records a progress entry of a month chosen with the keyboard", async () => {
    const { page, ctx } = browser;
    await signIn(page, ctx.baseUrl, DEMO_ACCOUNTS.camvsCoordinator);
    await openFollowUp(9);
    await page.getByRole("region", { name: "Rétroplanning" }).getByText("prévu T1 2021, réalisé en mars 2021").waitFor();

    await openFollowUp(5);
    const progress = page.getByRole("region", { name: "État d'avancement réel" });
    await progress.getByRole("heading", { level: 3, name: "Avancement d'août 2021" }).waitFor();

    await page.getByRole("button", { name: "Ajouter un avancement" }).click();
    const form = page.getByRole("form", { name: "Nouvel avancement" });
    const day = form.getByRole("radio", { name: "Jour précis" });
    await expect(day.isChecked()).resolves.toBe(true);
    // The radio group with the keyboard: focus on the checked choice, an arrow moves to « Mois seulement ».
    await day.focus();
    await page.keyboard.press("ArrowRight");
    await expect(form.getByRole("radio", { name: "Mois seulement" }).isChecked()).resolves.toBe(true);
    const month = form.getByLabel(/^Date/);
    await expect(month.getAttribute("type")).resolves.toBe("month");
    await month.fill("2021-07");
    const text = `Échanges avec les centres sociaux (${Date.now()})`;
    await form.getByLabel("Ce qui a été fait").fill(text);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Ajouter l'avancement" }).click();
    await progress.getByText(text).waitFor();
    await page.locator("#annonces").getByText("Avancement de juillet 2021 ajouté.").waitFor({ state: "attached" });
    const entry = progress.getByRole("listitem").filter({ hasText: text });
    await entry.getByRole("heading", { level: 3, name: "Avancement de juillet 2021" }).waitFor();

    // What the browser did is what the server kept: the month's 1st, known by its month.
    const actionId = new URL(page.url()).pathname.split("/")[4]!;
    const items = (await ctx.api.inject(`/api/actions/${actionId}/progress`)).json<{ items: { text: string; happenedOn: string; happenedOnPrecision: string }[] }>().items;
    expect(items.find((i) => i.text === text)).toMatchObject({ happenedOn: "2021-07-01", happenedOnPrecision: "month" });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

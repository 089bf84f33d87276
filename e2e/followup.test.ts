/**
 * The « Suivi » of a fiche in the browser: the lead of CAMVS FA 5 adds a dated
 * progress entry (and sees the server's message on an empty one), proposes to
 * merge the fiche with FA 11, and sees both; a partner writes a remark on the
 * entry but has no button to change the follow-up. No serious axe violation.
 */
import { describe, expect, it } from "vitest";
import { longDay, parisDay } from "../server/domain/dates.js";
import { DEMO_ACCOUNTS, seriousViolations, signIn, useBrowser } from "./browser.js";

const browser = useBrowser(null);

async function openFollowUp(email: string, number: number): Promise<void> {
  const { page, ctx } = browser;
  await signIn(page, ctx.baseUrl, email);
  await page.getByRole("link", { name: /Melun Val de Seine/ }).first().click();
  await page.getByRole("link", { name: new RegExp(`^FA ${number} —`) }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(`^FA ${number} —`) }).waitFor();
  await page.getByRole("link", { name: "Suivi de la fiche" }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(`^Suivi de la FA ${number} —`) }).waitFor();
  // Every section has loaded (no « Chargement… » left).
  await page.getByRole("heading", { level: 2, name: "Remarques partenaires" }).waitFor();
  await expect.poll(() => page.getByRole("main").getByRole("status").count()).toBe(0);
}

describe("follow-up of a fiche in the browser", () => {
  it("lets the lead add a progress entry and propose a merge with FA 11, and both show", async () => {
    const { page, ctx } = browser;
    await openFollowUp(DEMO_ACCOUNTS.lead, 5);
    expect(await seriousViolations(page)).toEqual([]);

    // An empty entry: the server's message is shown next to the field, which takes the focus.
    // Escape closes an inline form, as « Annuler » does, and the focus goes back to its button.
    await page.getByRole("button", { name: "Ajouter un avancement" }).click();
    await page.getByLabel("Ce qui a été fait").focus();
    await page.keyboard.press("Escape");
    await page.getByRole("form", { name: "Nouvel avancement" }).waitFor({ state: "detached" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Ajouter un avancement");
    await page.getByRole("button", { name: "Ajouter un avancement" }).click();
    const text = page.getByLabel("Ce qui a été fait");
    await text.fill("");
    await page.getByRole("button", { name: "Ajouter l'avancement" }).click();
    await page.getByText("Le texte de l'avancement est obligatoire.").waitFor();
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    const done = `Première réunion d'information avec les agents d'accueil (${Date.now()})`;
    await text.fill(done);
    await page.getByLabel("Réunion où il a été présenté (facultatif)").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Ajouter l'avancement" }).click();
    await page.getByText(done).waitFor();
    await page.getByRole("button", { name: "Ajouter un avancement" }).waitFor();
    // Said to a screen reader in the page's one polite status region (WCAG 4.1.3), the focus back on the button.
    const day = longDay(parisDay(new Date()));
    await page.locator("#annonces").getByText(`Avancement du ${day} ajouté.`).waitFor({ state: "attached" });
    await expect(page.locator("#annonces").evaluate((el) => [el.getAttribute("role"), el.getAttribute("aria-live"), el.parentElement!.closest("[aria-live], [role=status], [role=alert]")])).resolves.toEqual(["status", "polite", null]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Ajouter un avancement");

    await page.getByRole("button", { name: "Proposer un ajustement" }).click();
    await page.getByLabel("Type d'ajustement").selectOption({ label: "Fusionner avec une autre fiche" });
    const target = page.getByLabel("Fiche avec laquelle fusionner");
    await target.selectOption({ label: (await target.locator("option", { hasText: /^FA 11 —/ }).textContent())! });
    await page.getByLabel("Description (facultatif)").fill("Les deux fiches visent le même public : n'en garder qu'une.");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Proposer l'ajustement" }).click();
    const ajustements = page.getByRole("region", { name: "Ajustements nécessaires" });
    await ajustements.getByRole("heading", { level: 3, name: /Fusionner avec une autre fiche/ }).waitFor();
    await ajustements.getByRole("link", { name: /^FA 11 —/ }).waitFor();

    // What the browser did is what the server kept.
    const json = async <T,>(url: string) => (await ctx.api.inject(url)).json<T>();
    const actionId = new URL(page.url()).pathname.split("/")[4]!;
    const progress = await json<{ items: { text: string; meetingId: string | null }[] }>(`/api/actions/${actionId}/progress`);
    expect(progress.items[0]).toMatchObject({ text: done });
    expect(progress.items[0]!.meetingId).not.toBeNull();
    const adjustments = await json<{ items: { kind: string; status: string; targetAction: { number: number } | null }[] }>(`/api/actions/${actionId}/adjustments`);
    expect(adjustments.items[0]).toMatchObject({ kind: "merge", status: "proposed", targetAction: { number: 11 } });

    expect(await seriousViolations(page)).toEqual([]);
  });

  it("lets a partner write a remark on a progress entry, without any button to change the follow-up", async () => {
    const { page } = browser;
    await openFollowUp(DEMO_ACCOUNTS.partner, 5);
    for (const name of ["Ajouter une étape", "Ajouter un avancement", "Proposer un ajustement", /^Ajouter une mesure/])
      await expect(page.getByRole("button", { name }).count()).resolves.toBe(0);
    const entry = page.getByRole("region", { name: "État d'avancement réel" }).getByRole("listitem").first();
    await entry.locator("summary").click();
    const remark = `La CPAM peut fournir les supports de présentation (${Date.now()}).`;
    await entry.getByLabel(/^Votre remarque sur l'avancement du/).fill(remark);
    await entry.getByRole("button", { name: "Publier la remarque" }).click();
    await entry.getByText(remark).waitFor();
    await entry.getByText(/Karim Benali/).first().waitFor();
    await page.getByRole("region", { name: "Remarques partenaires" }).getByRole("link", { name: /^Avancement du / }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/**
 * Health ambassadors in the browser (issue 14, item 7; CAPVM FA 16): the coordinator sees the
 * network of La Renardière, its roster, trainings and activities, and records the number of
 * active ambassadors as a measurement of FA 16's indicator in one click (checked, then
 * confirmed); the ARS sees the same network in numbers, without a name. Axe: nothing serious
 * or critical on either view.
 */
import { describe, expect, it } from "vitest";
import { signedInClient } from "../server/testing/client.js";
import { DEMO_ACCOUNTS, seriousViolations, signInContext, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.capvmCoordinator);
const INDICATOR = "Nombre d'ambassadeurs et répartition par quartier";

describe("health ambassadors in the browser", () => {
  it("shows the network, records a count as a measurement in one click, and shows the ARS numbers only", { timeout: 240_000 }, async () => {
    const { page, ctx } = browser;
    const coordinator = await signedInClient(ctx.app, DEMO_ACCOUNTS.capvmCoordinator);
    const capvm = (await coordinator.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "capvm-2019-2022")!;
    const fa16 = (await coordinator.inject(`/api/contracts/${capvm.id}/actions`)).json<{ items: { id: string; number: number }[] }>().items.find((f) => f.number === 16)!;
    const measurements = async () =>
      (await coordinator.inject(`/api/actions/${fa16.id}/indicators`)).json<{ items: { label: string; measurements: { value: number; source: string }[] }[] }>().items.find((i) => i.label === INDICATOR)!.measurements;
    const before = (await measurements()).length;

    await page.goto(`${ctx.baseUrl}/contrats/${capvm.id}/ambassadeurs`);
    await page.getByRole("heading", { level: 1, name: "Ambassadeurs santé" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Le réseau par quartier prioritaire" }).waitFor();
    await page.getByText("Rachid A. (illustratif)").first().waitFor();
    const violations: Record<string, string[]> = { coordinator: await seriousViolations(page) };

    // One click: the number of active ambassadors, checked, then confirmed.
    await page.getByRole("button", { name: "Enregistrer comme mesure" }).first().click();
    const form = page.getByRole("form", { name: /comme mesure d'un indicateur/ });
    await form.getByLabel("Fiche").selectOption({ index: 1 });
    await form.getByLabel("Indicateur").selectOption({ label: INDICATOR });
    await form.getByLabel("Du", { exact: true }).fill("2022-01-01");
    await form.getByLabel("Au", { exact: true }).fill("2022-12-31");
    await form.getByRole("button", { name: "Vérifier la valeur" }).click();
    // All four were in the network in 2022 (one left in June 2023).
    await page.getByText("Enregistrer la valeur 4 (ambassadeurs actifs du 1er janvier 2022 au 31 décembre 2022)", { exact: false }).waitFor();
    violations.confirm = await seriousViolations(page);
    await form.getByRole("button", { name: "Confirmer l'enregistrement" }).click();
    await expect.poll(async () => (await measurements()).length).toBe(before + 1);
    const recorded = (await measurements()).find((m) => m.source.startsWith("Ambassadeurs santé — calcul Clés"));
    expect(recorded).toMatchObject({ value: 4 });

    // The ARS: the network in numbers, no roster, no name.
    const arsContext = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
    try {
      await signInContext(arsContext, ctx.baseUrl, DEMO_ACCOUNTS.ars);
      const ars = await arsContext.newPage();
      await ars.goto(`${ctx.baseUrl}/contrats/${capvm.id}/ambassadeurs`);
      await ars.getByRole("heading", { level: 2, name: "Le réseau par quartier prioritaire" }).waitFor();
      await ars.getByText("La Renardière").first().waitFor();
      expect(await ars.getByText("Rachid A.").count()).toBe(0);
      violations.ars = await seriousViolations(ars);
    } finally {
      await arsContext.close();
    }
    expect(violations).toEqual({ coordinator: [], confirm: [], ars: [] });
  });
});

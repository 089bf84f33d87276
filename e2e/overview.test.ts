/**
 * The coordinator's views in the browser: the dashboard (numbers leading to their
 * lists), the COTECH table of 2021 edited in place (a progress entry added to FA 5,
 * a transversal action), printable and exportable, and the timeline with its list
 * view; axe finds no serious violation on any of them.
 */
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);

async function openContractView(tile: string, heading: RegExp): Promise<void> {
  const { page, ctx } = browser;
  await page.goto(ctx.baseUrl);
  await page.getByRole("link", { name: /Melun Val de Seine/ }).first().click();
  await page.getByRole("navigation", { name: "Pilotage et suivi" }).getByRole("link", { name: tile }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

describe("the coordinator's views", () => {
  it("shows the dashboard, whose numbers lead to the fiches behind them", async () => {
    const { page } = browser;
    await openContractView("Tableau de bord", /^Tableau de bord$/);
    for (const name of ["Alertes de gouvernance", "Fiches actions par statut", "Indicateurs", "Prochaines réunions", "Activité récente"]) await page.getByRole("heading", { level: 2, name }).waitFor();
    await page.getByRole("heading", { level: 2, name: /^Étapes en retard \(\d+\)$/ }).waitFor();
    await page.getByText(/Aucun Comité technique \(COTECH\) depuis \d+ mois/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Every fiche of axis 1, whatever its status: 7 of them.
    const table = page.getByRole("table", { name: "Nombre de fiches par axe et par statut" });
    await table.getByRole("link", { name: "7 fiches dans l'axe 1" }).click();
    await page.getByRole("heading", { level: 1, name: "Fiches actions" }).waitFor();
    expect(new URL(page.url()).searchParams.get("axis")).toBeTruthy();
    await page.getByText("7 fiches trouvées").waitFor();
    // A late milestone leads to the fiche's follow-up.
    await page.goBack();
    await page.getByRole("link", { name: /^FA 10 — Rencontre avec le PAT Rivage/ }).click();
    await page.waitForURL(/\/fiches\/[^/]+\/suivi#retroplanning$/);
  });

  it("edits the COTECH table of 2021 in place: a progress entry of FA 5, a transversal action; prints and exports it", async () => {
    const { page, ctx } = browser;
    await openContractView("Tableau COTECH", /^Tableau de suivi COTECH \d{4}$/);
    await page.getByLabel("Année").selectOption("2021");
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.getByRole("heading", { level: 1, name: "Tableau de suivi COTECH 2021" }).waitFor();
    const table = page.getByRole("table", { name: "Suivi de l'avancement des fiches actions — 2021" });
    for (const name of ["Objectifs / critères d'évaluation", "Rétroplanning prévisionnel 2021", "État d'avancement réel", "Reste-à-faire", "Ajustements nécessaires"])
      await table.getByRole("columnheader", { name }).waitFor();
    await table.getByRole("rowheader", { name: /^Axe 1 — Offre de soins de 1er recours$/ }).waitFor();
    await table.getByRole("rowheader", { name: /^Objectif opérationnel 1\.2 — / }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // In place: the button of the cell opens its form, focused on its first field.
    await page.getByRole("button", { name: "Ajouter un avancement à la FA 5" }).click();
    const form = page.getByRole("form", { name: "Ajouter un avancement à la FA 5" });
    await expect.poll(() => form.getByLabel("Date").evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel("Date").fill("2021-10-05");
    await form.getByLabel("Ce qui a été fait").fill("Point d'étape avec la CPAM : douze personnes accompagnées depuis juillet.");
    await form.getByRole("button", { name: "Enregistrer l'avancement" }).click();
    await table.getByRole("cell", { name: /05\/10\/2021 : Point d'étape avec la CPAM : douze personnes accompagnées depuis juillet\./ }).waitFor();
    await expect(form.count()).resolves.toBe(0);
    // The focus is back on the button that opened the form.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain("Ajouter un avancement");
    const camvs = ((await ctx.api.inject("/api/contracts")).json() as { items: { id: string; slug: string }[] }).items.find((c) => c.slug.startsWith("camvs"))!;
    const table2021 = (await ctx.api.inject(`/api/contracts/${camvs.id}/cotech-table?year=2021`)).json() as { axes: { objectives: { rows: { action: { number: number }; progress: { text: string }[] }[] }[] }[] };
    const row = table2021.axes.flatMap((a) => a.objectives.flatMap((o) => o.rows)).find((r) => r.action.number === 5)!;
    expect(row.progress.map((p) => p.text)).toContain("Point d'étape avec la CPAM : douze personnes accompagnées depuis juillet.");

    // A refused entry keeps what was typed and says why, next to the field.
    await page.getByRole("button", { name: "Ajouter un avancement à la FA 5" }).click();
    await form.getByLabel("Ce qui a été fait").fill("Daté dans le futur");
    await form.getByLabel("Date").fill("2099-01-01");
    await form.getByRole("button", { name: "Enregistrer l'avancement" }).click();
    await form.getByText("Un avancement se rapporte à une date passée ou à aujourd'hui.").waitFor();
    await expect(form.getByLabel("Ce qui a été fait").inputValue()).resolves.toBe("Daté dans le futur");
    await form.getByRole("button", { name: "Annuler" }).click();

    // A transversal action, as in the seed's last table.
    await page.getByRole("button", { name: "Ajouter une action transversale" }).click();
    await page.getByRole("form", { name: "Ajouter une action transversale" }).getByLabel("Action").fill("Semaine d'information sur la santé mentale : relais auprès des communes");
    await page.getByRole("form", { name: "Ajouter une action transversale" }).getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("table", { name: "Actions transversales — 2021" }).getByRole("rowheader", { name: "Semaine d'information sur la santé mentale : relais auprès des communes" }).waitFor();

    // Printable and exportable.
    await page.getByRole("button", { name: "Imprimer" }).waitFor();
    const xlsx = page.getByRole("link", { name: "Télécharger (XLSX)" });
    expect(await xlsx.getAttribute("href")).toBe(`/api/contracts/${camvs.id}/cotech-table.xlsx?year=2021`);
    const file = await page.context().request.get(`${ctx.baseUrl}/api/contracts/${camvs.id}/cotech-table.xlsx?year=2021`);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toContain("spreadsheetml");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Ajouter un avancement à la FA 5" }).isVisible()).resolves.toBe(false);
    await expect(page.locator("header.fr-header").isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: "screen" });
  });

  it("shows the timeline of fiches and milestones, reachable with the keyboard, and its list view", async () => {
    const { page } = browser;
    await openContractView("Chronologie", /^Chronologie des fiches actions$/);
    const chart = page.getByRole("table", { name: /^Fiches actions et étapes de 01\/2021 à 12\/2023$/ });
    await chart.getByRole("rowheader", { name: /^Axe 1 — / }).waitFor();
    await page.getByRole("list", { name: "Légende" }).getByText("Étape en retard").waitFor();
    // Each marker is a link saying its milestone in words, overdue ones included.
    const late = chart.getByRole("link", { name: /^FA 1, Étape en retard : Planning du projet et guide des entretiens — prévu T4 2021 \(échéance 31\/12\/2021\)$/ });
    await late.focus();
    await page.locator(".cles-marker:focus .cles-tip").waitFor();
    await chart.getByText("Dates de début et de fin non renseignées.").first().waitFor({ state: "attached" });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Liste" }).click();
    await page.getByRole("heading", { level: 2, name: /^Axe 1 — / }).waitFor();
    await page.getByText("Étape en retard : Planning du projet et guide des entretiens — prévu T4 2021 (échéance 31/12/2021)").waitFor();
    await expect(page.getByRole("button", { name: "Liste" }).getAttribute("aria-pressed")).resolves.toBe("true");
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/**
 * The coordinator's autumn, end to end: she records a COTECH with its attendance and
 * minutes, adds to FA 5 a progress entry from that COTECH and proposes merging FA 5
 * with FA 11, then finds both in the 2021 COTECH table and on the dashboard. Axe on each page.
 */
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);
const PROGRESS = "Présentation au COTECH d'automne : trois réunions d'information programmées avec la CPAM.";

describe("a COTECH, its follow-up on FA 5, the COTECH table and the dashboard", () => {
  it("carries what the coordinator records into the coordinator's views", async () => {
    const { page, ctx } = browser;
    const violations: Record<string, string[]> = {};
    await page.goto(ctx.baseUrl);
    await page.getByRole("link", { name: /Melun Val de Seine/ }).first().click();
    await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
    const contract = new URL(page.url()).pathname;

    // 1. The COTECH, with its attendance and minutes.
    await page.goto(`${ctx.baseUrl}${contract}/reunions/nouvelle`);
    await page.getByRole("heading", { level: 1, name: "Nouvelle réunion" }).waitFor();
    await page.getByLabel("Instance", { exact: true }).selectOption({ label: "Comité technique (COTECH)" });
    await page.getByRole("textbox", { name: /^Titre/ }).fill("COTECH d'automne 2021");
    await page.getByLabel("Date", { exact: true }).fill("2021-11-16");
    await page.getByLabel("Début", { exact: true }).fill("10:00");
    await page.getByLabel("Fin", { exact: true }).fill("12:00");
    await page.getByRole("button", { name: /^Inviter les membres de l'instance/ }).click();
    await page.getByRole("checkbox", { name: /^Présent·e : Marie Dupont/ }).check({ force: true });
    await page.getByLabel("Nombre de participants (facultatif)").fill("14");
    await page.getByRole("textbox", { name: "Compte rendu de la réunion" }).click();
    await page.keyboard.type("Point d'étape de chaque fiche ; la FA 5 et la FA 11 visent le même public.");
    await page.getByRole("button", { name: "Enregistrer la réunion" }).click();
    await page.getByRole("heading", { level: 1, name: "COTECH d'automne 2021" }).waitFor();
    await page.getByText("14 participants").first().waitFor();
    violations.meeting = await seriousViolations(page);

    // 2. FA 5: a progress entry from that COTECH, and a merge with FA 11 proposed.
    await page.goto(`${ctx.baseUrl}${contract}`);
    await page.getByRole("link", { name: /^FA 5 —/ }).click();
    await page.getByRole("link", { name: "Suivi de la fiche" }).click();
    await page.getByRole("heading", { level: 1, name: /^Suivi de la FA 5 —/ }).waitFor();
    await page.getByRole("button", { name: "Ajouter un avancement" }).click();
    await page.getByLabel("Date", { exact: true }).fill("2021-11-16");
    await page.getByLabel("Ce qui a été fait").fill(PROGRESS);
    const meeting = page.getByLabel("Réunion où il a été présenté (facultatif)");
    await meeting.selectOption({ label: (await meeting.locator("option", { hasText: "COTECH d'automne 2021" }).textContent())! });
    await page.getByRole("button", { name: "Ajouter l'avancement" }).click();
    await page.getByText(PROGRESS).waitFor();
    await page.getByRole("button", { name: "Proposer un ajustement" }).click();
    await page.getByLabel("Type d'ajustement").selectOption({ label: "Fusionner avec une autre fiche" });
    const target = page.getByLabel("Fiche avec laquelle fusionner");
    await target.selectOption({ label: (await target.locator("option", { hasText: /^FA 11 —/ }).textContent())! });
    await page.getByRole("button", { name: "Proposer l'ajustement" }).click();
    await page.getByRole("region", { name: "Ajustements nécessaires" }).getByRole("link", { name: /^FA 11 —/ }).waitFor();
    violations.followUp = await seriousViolations(page);

    // 3. The 2021 COTECH table shows both on FA 5's row.
    await page.goto(`${ctx.baseUrl}${contract}/tableau-cotech`);
    await page.getByLabel("Année").selectOption("2021");
    await page.getByRole("button", { name: "Afficher" }).click();
    const table = page.getByRole("table", { name: "Suivi de l'avancement des fiches actions — 2021" });
    const fa5 = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^FA 5\b/ }) });
    await fa5.getByText(`16/11/2021 : ${PROGRESS}`).waitFor();
    await fa5.getByText("Fusionner avec la FA 11").waitFor();
    violations.cotechTable = await seriousViolations(page);

    // 4. The dashboard's latest activity names the meeting and the progress entry.
    await page.goto(`${ctx.baseUrl}${contract}/tableau-de-bord`);
    const activity = page.getByRole("region", { name: "Activité récente" });
    await activity.getByText(/Réunion « COTECH d'automne 2021 » du 16\/11\/2021/).waitFor();
    await activity.getByText(/FA 5 — avancement du 16\/11\/2021 par Marie Dupont/).waitFor();
    violations.dashboard = await seriousViolations(page);

    expect(violations).toEqual({ meeting: [], followUp: [], cotechTable: [], dashboard: [] });
  });
});

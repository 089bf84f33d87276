/**
 * The committee deck in the browser: the CAMVS coordinator goes from the COTECH
 * meeting to the « Diaporama de comité » page, unticks a fiche and downloads the
 * PowerPoint, a valid PPTX holding the other fiches; axe finds no serious violation.
 */
import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);

describe("the committee deck page", () => {
  it("downloads the COTECH deck of 14/09/2021 without an unticked fiche", async () => {
    const { page, ctx } = browser;
    const camvs = ((await ctx.api.inject("/api/contracts")).json() as { items: { id: string; slug: string }[] }).items.find((c) => c.slug.startsWith("camvs"))!;
    const meetings = ((await ctx.api.inject(`/api/contracts/${camvs.id}/meetings`)).json() as { items: { id: string; title: string }[] }).items;
    const cotech = meetings.find((m) => m.title === "Comité technique 2021")!;

    // From the meeting's page.
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/reunions/${cotech.id}`);
    await page.getByRole("heading", { level: 1, name: "Comité technique 2021" }).waitFor();
    await page.getByRole("link", { name: "Préparer le diaporama du comité" }).click();
    await page.getByRole("heading", { level: 1, name: "Diaporama de comité" }).waitFor();
    await expect(page.getByLabel("Réunion (facultatif)").inputValue()).resolves.toBe(cotech.id);
    await expect(page.getByLabel("Année du suivi").inputValue()).resolves.toBe("2021");
    await page.getByText("Fiches actions du diaporama (15 sur 15)").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Untick FA 7, then download the PowerPoint.
    await page.getByLabel(/^FA 7 — /).uncheck({ force: true });
    await page.getByText("Fiches actions du diaporama (14 sur 15)").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger le PowerPoint (.pptx)" }).click()]);
    expect(download.suggestedFilename()).toBe("cotech-2021-09-14.pptx");
    await page.getByText("Le fichier cotech-2021-09-14.pptx est téléchargé.").waitFor();
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    expect(zip.file("[Content_Types].xml")).not.toBeNull();
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.length).toBeGreaterThanOrEqual(10);
    const text = (await Promise.all(slides.map((n) => zip.file(n)!.async("string")))).join("\n");
    expect(text).toContain("Comité technique 2021");
    expect(text).toContain("FA 6 : ");
    expect(text).not.toContain("FA 7 : ");

    // Nothing ticked: the downloads wait for a fiche.
    await page.getByRole("button", { name: "Tout décocher" }).click();
    await page.getByText("Cochez au moins une fiche.").waitFor();
    await expect(page.getByRole("button", { name: "Télécharger le PDF" }).isDisabled()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Tout cocher" }).click();
    await page.getByText("Fiches actions du diaporama (15 sur 15)").waitFor();
  });

  it("is reached from the COTECH table of the year", async () => {
    const { page, ctx } = browser;
    const camvs = ((await ctx.api.inject("/api/contracts")).json() as { items: { id: string; slug: string }[] }).items.find((c) => c.slug.startsWith("camvs"))!;
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/tableau-cotech?annee=2022`);
    await page.getByRole("heading", { level: 1, name: "Tableau de suivi COTECH 2022" }).waitFor();
    await page.getByRole("link", { name: "Préparer le diaporama du comité" }).click();
    await page.getByRole("heading", { level: 1, name: "Diaporama de comité" }).waitFor();
    await expect(page.getByLabel("Année du suivi").inputValue()).resolves.toBe("2022");
    await expect(page.getByLabel("Réunion (facultatif)").inputValue()).resolves.toBe("");
  });
});

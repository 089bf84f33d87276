/**
 * Required fields, marked one way everywhere (issue 19, finding 6): a form says once, at its top,
 * that fields are required unless marked « (facultatif) »; every required control carries
 * aria-required="true" and no optional one does; sent empty, the controls in error carry
 * aria-invalid="true" and the error summary names each field by its visible label.
 * On the new-fiche and new-meeting forms of the CAMVS coordinator.
 */
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, useBrowser } from "./browser.js";
import { controlsOf, expectMarkedOneWay, NOTE } from "./forms.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);


/** Each link of the error summary: its text, and the visible label (without « (facultatif) ») of the field it leads to. */
function summaryLinks(summary: Locator): Promise<{ text: string; label: string }[]> {
  return summary.evaluate((el) =>
    [...el.querySelectorAll("a")].map((a) => {
      const target = document.getElementById(a.getAttribute("href")!.slice(1));
      const label = target?.matches("fieldset") ? target.querySelector("legend") : (target as HTMLInputElement | null)?.labels?.[0];
      const copy = label?.cloneNode(true) as Element | undefined;
      copy?.querySelectorAll(".fr-hint-text").forEach((hint) => hint.remove());
      return { text: a.textContent ?? "", label: (copy?.textContent ?? "").replace(/\s+/g, " ").replace(/\s*\(facultatif\)$/, "").trim() };
    }),
  );
}


async function camvsPath(): Promise<string> {
  const contracts = (await browser.ctx.api.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>();
  return `/contrats/${contracts.items.find((c) => c.slug === "camvs-2021-2023")!.id}`;
}

describe("required fields and errors", () => {
  it("on the new-fiche form: one sentence, aria-required on the required fields only, aria-invalid and visible labels after an empty submission", async () => {
    const { page, ctx } = browser;
    await page.goto(`${ctx.baseUrl}${await camvsPath()}/fiches/nouvelle`);
    await page.getByRole("heading", { level: 1, name: "Nouvelle fiche action" }).waitFor();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Enregistrer" }) });

    await expect(page.getByText(NOTE, { exact: true }).count()).resolves.toBe(1);
    const controls = await controlsOf(form);
    expect(controls.length).toBeGreaterThan(3);
    expectMarkedOneWay(controls);
    expect(controls.filter((c) => c.required === "true").map((c) => c.label)).toEqual(["Numéro", "Intitulé de l'action", "Axe stratégique", "Statut"]);
    expect(controls.map((c) => c.label)).toEqual(expect.arrayContaining(["Objectif (facultatif)", "Porteur de l'action (facultatif)", "Début (facultatif)", "Lieu de l'action (facultatif)", "Thème 1 (facultatif)"]));
    expect(controls.filter((c) => c.invalid !== null)).toEqual([]);

    await page.getByRole("button", { name: "Enregistrer" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient" });
    await summary.waitFor();
    const after = await controlsOf(form);
    expect(after.filter((c) => c.invalid === "true").map((c) => c.label)).toEqual(["Intitulé de l'action"]);
    // The determinants, a group of checkboxes, are in error too.
    const determinants = page.getByRole("group", { name: /^Déterminants visés/ }).getByRole("checkbox");
    await expect(determinants.evaluateAll((boxes) => boxes.map((b) => b.getAttribute("aria-invalid")))).resolves.toEqual(expect.arrayContaining(["true"]));
    await expect(determinants.evaluateAll((boxes) => boxes.every((b) => b.getAttribute("aria-invalid") === "true"))).resolves.toBe(true);

    const links = await summaryLinks(summary);
    expect(links.map((l) => l.label)).toEqual(["Intitulé de l'action", "Déterminants visés"]);
    for (const link of links) expect(link.text.startsWith(`${link.label} : `), link.text).toBe(true);
  });

  it("on the new-meeting form: one sentence, aria-required on the required fields only, aria-invalid and visible labels after an empty submission", async () => {
    const { page, ctx } = browser;
    await page.goto(`${ctx.baseUrl}${await camvsPath()}/reunions/nouvelle`);
    await page.getByRole("heading", { level: 1, name: "Nouvelle réunion" }).waitFor();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Enregistrer la réunion" }) });
    // The rich-text editor of the minutes loads with the form.
    await page.getByRole("textbox", { name: /^Compte rendu de la réunion/ }).waitFor();

    await expect(page.getByText(NOTE, { exact: true }).count()).resolves.toBe(1);
    const controls = await controlsOf(form);
    expect(controls.length).toBeGreaterThan(3);
    expectMarkedOneWay(controls);
    expect(controls.filter((c) => c.required === "true").map((c) => c.label)).toEqual(["Instance", "Titre", "Date", "Début", "Fin"]);
    expect(controls.filter((c) => c.required === null).map((c) => c.label)).toEqual([
      "Lieu (facultatif)",
      "Lien de visioconférence (facultatif)",
      "Nombre de participants (facultatif)",
      "Compte rendu de la réunion (facultatif)",
    ]);

    // An agenda item's title is required, its duration and presenter are not.
    await page.getByRole("button", { name: "Ajouter un point" }).click();
    const item = await controlsOf(page.getByRole("group", { name: "Point 1" }));
    expect(item).toEqual([
      { label: "Intitulé du point 1", required: "true", invalid: null },
      { label: "Durée en minutes (facultatif)", required: null, invalid: null },
      { label: "Intervenant·e (facultatif)", required: null, invalid: null },
    ]);

    await page.getByRole("button", { name: "Enregistrer la réunion" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient" });
    await summary.waitFor();
    const after = await controlsOf(form);
    expect(after.filter((c) => c.invalid === "true").map((c) => c.label)).toEqual(["Titre", "Date", "Début", "Fin", "Intitulé du point 1"]);
    const links = await summaryLinks(summary);
    expect(links.map((l) => l.label).sort()).toEqual(["Date", "Début", "Fin", "Intitulé du point 1", "Titre"]);
    for (const link of links) expect(link.text.startsWith(`${link.label} : `), link.text).toBe(true);

    // A corrected field is no longer said to be invalid.
    await page.getByRole("textbox", { name: /^Titre/ }).fill("COTECH de printemps 2022");
    await page.getByRole("button", { name: "Enregistrer la réunion" }).click();
    await expect.poll(async () => (await controlsOf(form)).filter((c) => c.invalid === "true").map((c) => c.label)).toEqual(["Date", "Début", "Fin", "Intitulé du point 1"]);
  });
});

/**
 * Required fields, marked one way on the other forms too (issue 19, finding 6): on the follow-up's
 * « Ajouter un avancement » form, the governance body form and the public registration form of a
 * published workshop, the form says once which fields are required; every required control carries
 * aria-required="true" and no « (facultatif) » one does; sent empty, the controls in error carry
 * aria-invalid="true" (the groups of choices in error too, on each of their inputs).
 */
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signedInClient } from "../server/testing/client.js";
import { camvsParticipation, createWorkshop } from "../server/testing/matrix/cases/participation.js";
import { DEMO_ACCOUNTS, useBrowser } from "./browser.js";
import { controlsOf, expectMarkedOneWay, NOTE, type Control } from "./forms.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);



const invalidLabels = (controls: Control[]) => controls.filter((c) => c.invalid === "true").map((c) => c.label);

/** aria-invalid of each input of a group of choices (radio buttons, checkboxes). */
const choicesInvalid = (group: Locator) => group.locator("input").evaluateAll((inputs) => inputs.map((i) => i.getAttribute("aria-invalid")));

async function camvs(): Promise<{ id: string; slug: string }> {
  const contracts = (await browser.ctx.api.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>();
  return contracts.items.find((c) => c.slug === "camvs-2021-2023")!;
}

describe("required fields and errors on the other forms", () => {
  it("on the follow-up's new progress entry: one sentence, aria-required on the date and the text, aria-invalid on the text sent empty", async () => {
    const { page, ctx } = browser;
    const contract = await camvs();
    const fiches = (await ctx.api.inject(`/api/contracts/${contract.id}/actions`)).json<{ items: { id: string; number: number }[] }>();
    const fa5 = fiches.items.find((f) => f.number === 5)!;
    await page.goto(`${ctx.baseUrl}/contrats/${contract.id}/fiches/${fa5.id}/suivi`);
    await page.getByRole("heading", { level: 1, name: /^Suivi de la FA 5 —/ }).waitFor();
    await page.getByRole("button", { name: "Ajouter un avancement" }).click();
    const form = page.getByRole("form", { name: "Nouvel avancement" });
    await form.waitFor();

    await expect(form.getByText(NOTE, { exact: true }).count()).resolves.toBe(1);
    const controls = await controlsOf(form);
    expectMarkedOneWay(controls);
    expect(controls).toEqual([
      { label: "Date", required: "true", invalid: null },
      { label: "Réunion où il a été présenté (facultatif)", required: null, invalid: null },
      { label: "Ce qui a été fait", required: "true", invalid: null },
    ]);

    await form.getByRole("button", { name: "Ajouter l'avancement" }).click();
    await form.getByText("Le texte de l'avancement est obligatoire.").waitFor();
    expect(invalidLabels(await controlsOf(form))).toEqual(["Ce qui a été fait"]);
  });

  it("on the governance body form: one sentence, aria-required on the required fields only, aria-invalid on those sent empty", async () => {
    const { page, ctx } = browser;
    const contract = await camvs();
    await page.goto(`${ctx.baseUrl}/contrats/${contract.id}/gouvernance`);
    await page.getByRole("heading", { level: 1, name: /Gouvernance/ }).waitFor();
    await page.getByRole("button", { name: "Nouvelle instance" }).click();
    const form = page.getByRole("form", { name: "Nouvelle instance" });
    await form.getByLabel("Type d'instance").selectOption({ label: "Commission thématique" });
    await form.getByText("Au moins N réunions par an").click();
    await form.getByLabel("Nombre de réunions par an, au moins").fill("");

    await expect(form.getByText(NOTE, { exact: true }).count()).resolves.toBe(1);
    const controls = await controlsOf(form);
    expectMarkedOneWay(controls);
    expect(controls.map((c) => [c.label, c.required])).toEqual([
      ["Type d'instance", "true"],
      ["Nom", "true"],
      ["Axe stratégique suivi (facultatif)", null],
      ["Nombre de réunions par an, au moins", "true"],
    ]);
    expect(invalidLabels(controls)).toEqual([]);

    await form.getByRole("button", { name: "Créer l'instance" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient" });
    await summary.waitFor();
    expect(invalidLabels(await controlsOf(form))).toEqual(["Nom", "Nombre de réunions par an, au moins"]);
    // The summary names each field by its visible label.
    const links = await summary.getByRole("link").allTextContents();
    expect(links.map((l) => l.split(" : ")[0])).toEqual(["Nom", "Nombre de réunions par an, au moins"]);
  });

  it("on the public registration form of a published workshop: one sentence, aria-required on the required fields only, aria-invalid after an empty submission", async () => {
    const { ctx } = browser;
    const contract = await camvs();
    const coordinator = await signedInClient(ctx.app, DEMO_ACCOUNTS.camvsCoordinator);
    const { bodyId } = await camvsParticipation(ctx.database.db, contract.id);
    const published = await coordinator.inject({ method: "PUT", url: `/api/contracts/${contract.id}/publication`, payload: { published: true } });
    expect(published.statusCode, published.body).toBe(200);
    const workshop = await createWorkshop(coordinator, contract.id, bodyId, { published: true });

    const visitor = await (await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" })).newPage();
    try {
      await visitor.goto(`${ctx.baseUrl}/public/${contract.slug}/ateliers/${workshop.id}`);
      const submit = visitor.getByRole("button", { name: "M'inscrire" });
      await submit.waitFor();
      const form = visitor.locator("form").filter({ has: submit });

      await expect(visitor.getByText(NOTE, { exact: true }).count()).resolves.toBe(1);
      await expect(form.getByText("Sauf mention « facultatif »", { exact: false }).count()).resolves.toBe(0);
      const controls = await controlsOf(form);
      expectMarkedOneWay(controls);
      expect(controls.filter((c) => c.required === "true").map((c) => c.label)).toEqual(["Prénom", "Nom", "Votre commune", "Habitez-vous un quartier prioritaire (QPV) ?"]);
      expect(controls.filter((c) => c.required === null).map((c) => c.label)).toEqual([
        "Votre situation (facultatif)",
        "Nom de groupe (facultatif)",
        "Besoins d'accessibilité (facultatif)",
        "Repas : régime ou allergies (facultatif)",
      ]);

      // The way to be reached, once chosen, asks for its detail: required too.
      await visitor.getByText("Par e-mail", { exact: true }).click();
      expect((await controlsOf(form)).find((c) => c.label === "Votre adresse e-mail")).toEqual({ label: "Votre adresse e-mail", required: "true", invalid: null });

      await submit.click();
      await visitor.getByRole("alert").filter({ hasText: "Le formulaire contient" }).waitFor();
      // (The e-mail is checked with the rest once the fields every registration needs are there.)
      expect(invalidLabels(await controlsOf(form))).toEqual(["Prénom", "Nom", "Votre commune", "Habitez-vous un quartier prioritaire (QPV) ?"]);
      for (const name of ["Votre tranche d'âge", "Vous êtes", "Votre accord"]) {
        const values = await choicesInvalid(form.getByRole("group", { name: new RegExp(`^${name}`) }));
        expect(values.length, name).toBeGreaterThan(0);
        expect(values.every((v) => v === "true"), name).toBe(true);
      }
    } finally {
      await visitor.context().close();
    }
  });
});

/**
 * Residents' surveys in the browser (issue 14, item 6): the CAMVS coordinator's survey is
 * online; a resident, signed out, answers with the keyboard only — a ranking, a multiple
 * choice whose « Internet » reveals a conditional question, a scale, commune and age band —
 * sees the form's errors first, then the thanks, which takes the focus; the same browser is
 * then told it already answered. The coordinator reads the results (a table beside each
 * chart), splits them by age band, types a paper answer in, and builds a survey. Axe: no
 * violation at all on the public page (form, errors, thanks, already answered, published
 * results), none serious or critical on the coordinator's pages.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signedInClient } from "../server/testing/client.js";
import { camvsParticipation } from "../server/testing/matrix/cases/participation.js";
import { surveyPayload } from "../server/testing/matrix/cases/surveys.js";
import { DEMO_SURVEY_TITLE } from "../server/demo/surveys.js";
import { DEMO_ACCOUNTS, seriousViolations, useBrowser } from "./browser.js";
import { allViolations, focused, tabTo } from "./keyboard.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);
const TITLE = "Votre santé dans le quartier (illustratif)";

async function signedOutPage(): Promise<Page> {
  const context = await browser.ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
  await context.addInitScript(() => {
    const w = window as unknown as { focusedIds: string[] };
    w.focusedIds = [];
    document.addEventListener("focusin", (e) => w.focusedIds.push((e.target as HTMLElement).id || (e.target as HTMLElement).getAttribute("name") || (e.target as HTMLElement).tagName), true);
  });
  return context.newPage();
}

describe("residents' surveys in the browser", () => {
  it("takes a resident's answer by keyboard, then shows results, cross-tabs, a paper answer and the builder", { timeout: 300_000 }, async () => {
    const { page, ctx } = browser;
    const violations: Record<string, string[]> = {};
    const publicViolations: Record<string, string[]> = {};

    const coordinator = await signedInClient(ctx.app, DEMO_ACCOUNTS.camvsCoordinator);
    const camvs = (await coordinator.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "camvs-2021-2023")!;
    const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs.id}/surveys`, payload: surveyPayload({ title: TITLE }) });
    expect(created.statusCode, created.body).toBe(201);
    const surveyId = created.json<{ id: string }>().id;
    await coordinator.inject({ method: "PUT", url: `/api/surveys/${surveyId}/publication`, payload: { published: true } });
    await coordinator.inject({ method: "PUT", url: `/api/surveys/${surveyId}/results-publication`, payload: { published: true } });
    const { communeInsee } = await camvsParticipation(ctx.database.db, camvs.id);

    // 1. A resident answers, signed out, with the keyboard only.
    const resident = await signedOutPage();
    try {
      await resident.goto(`${ctx.baseUrl}/public/camvs-2021-2023/sondages/${surveyId}`);
      await resident.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      await resident.getByRole("heading", { level: 2, name: "Répondre" }).waitFor();
      publicViolations.form = await allViolations(resident);

      // Sent empty: the required ranking is said missing, and the focus goes to the errors.
      await tabTo(resident, "button[type=submit]");
      await resident.keyboard.press("Enter");
      await resident.getByText("Répondez à cette question.").first().waitFor();
      publicViolations.errors = await allViolations(resident);

      // The ranking: first and second choice, one select each (arrow keys pick an option).
      await tabTo(resident, "#champ-answers-priorites-rang-1", { back: true, max: 120 });
      await resident.keyboard.press("ArrowDown");
      await tabTo(resident, "#champ-answers-priorites-rang-2");
      await resident.keyboard.press("ArrowDown");
      await expect(resident.locator("#champ-answers-priorites-rang-1").inputValue()).resolves.toBe("jeunes");
      await expect(resident.locator("#champ-answers-priorites-rang-2").inputValue()).resolves.toBe("agees");
      // The multiple choice: « Internet » reveals « Quel site ? ».
      expect(await resident.getByLabel("Quel site ?").count()).toBe(0);
      await tabTo(resident, "input[type=checkbox][value=internet]");
      await resident.keyboard.press("Space");
      await resident.getByLabel("Quel site ?").waitFor();
      await tabTo(resident, "#champ-answers-precision");
      await resident.keyboard.type("Le site de la mairie");
      // The scale: the arrow keys move within the radio group.
      await tabTo(resident, "input[type=radio][name=reponse-note]");
      await resident.keyboard.press("ArrowRight");
      await resident.keyboard.press("ArrowRight");
      // Commune and age band.
      await tabTo(resident, "#champ-answers-commune");
      await resident.keyboard.press("ArrowDown");
      await tabTo(resident, "#champ-answers-age");
      await resident.keyboard.press("ArrowDown");
      await tabTo(resident, "button[type=submit]");
      await resident.keyboard.press("Enter");
      await resident.getByText("Merci ! Votre réponse est enregistrée.", { exact: false }).first().waitFor();
      expect((await focused(resident)).text).toContain("Merci");
      publicViolations.thanks = await allViolations(resident);
      const focusedIds = await resident.evaluate(() => (window as unknown as { focusedIds: string[] }).focusedIds);
      expect(focusedIds).not.toContain("champ-website");

      // The same browser, again: told it already answered.
      await resident.reload();
      await resident.getByText("déjà répondu", { exact: false }).first().waitFor();
      publicViolations.already = await allViolations(resident);
    } finally {
      await resident.context().close();
    }
    const results = (await coordinator.inject(`/api/surveys/${surveyId}/results`)).json<{ total: number; questions: { questionId: string; kind: string; options?: { id: string; count: number }[] }[] }>();
    expect(results.total).toBe(1);
    const sources = results.questions.find((q) => q.questionId === "sources")!;
    expect(sources.options!.find((o) => o.id === "internet")!.count).toBe(1);
    const stored = (await coordinator.inject(`/api/surveys/${surveyId}/answers.csv`)).body;
    expect(stored).toContain("Le site de la mairie");
    expect(stored).toContain(";3;");

    // 2. The coordinator: the demo survey's results, a table beside each chart, split by age band.
    const demo = (await coordinator.inject(`/api/contracts/${camvs.id}/surveys`)).json<{ items: { id: string; title: string }[] }>().items.find((s) => s.title === DEMO_SURVEY_TITLE)!;
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/sondages`);
    await page.getByRole("heading", { level: 1, name: "Sondages des habitants" }).waitFor();
    await page.getByRole("link", { name: DEMO_SURVEY_TITLE }).waitFor();
    violations.list = await seriousViolations(page);
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/sondages/${demo.id}`);
    await page.getByRole("heading", { level: 1, name: DEMO_SURVEY_TITLE }).waitFor();
    await page.getByText("17 réponses", { exact: false }).first().waitFor();
    const ranking = page.locator("table").filter({ hasText: "Éducation à la santé pour les enfants et les jeunes" }).first();
    const rows = await ranking.locator("tbody tr").allTextContents();
    expect(rows[0]).toContain("Éducation à la santé pour les enfants et les jeunes");
    expect(rows[1]).toContain("Santé des personnes âgées");
    expect(rows[2]).toContain("Le bien-être et l'hygiène de vie");
    violations.results = await seriousViolations(page);
    await page.getByLabel("Croiser par").selectOption({ label: "Quelle est votre tranche d'âge ?" });
    await page.getByRole("table").filter({ hasText: "70 ans et plus" }).nth(1).waitFor();
    violations.crossTab = await seriousViolations(page);

    // 3. A paper answer, typed in.
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/sondages/${surveyId}/saisie`);
    await page.getByRole("heading", { level: 2, name: "Réponse papier" }).waitFor();
    await page.locator("#champ-answers-priorites-rang-1").selectOption("bien-etre");
    await page.locator("#champ-answers-priorites-rang-2").selectOption("jeunes");
    await page.locator("#champ-answers-commune").selectOption(communeInsee);
    violations.paper = await seriousViolations(page);
    await page.getByRole("button", { name: /Enregistrer/ }).click();
    await page.getByText("La réponse sur papier est enregistrée", { exact: false }).first().waitFor();
    expect((await coordinator.inject(`/api/surveys/${surveyId}`)).json<{ answers: { paper: number } }>().answers.paper).toBe(1);

    // 4. The builder.
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/sondages/nouveau`);
    await page.getByRole("heading", { level: 1, name: "Nouveau sondage" }).waitFor();
    violations.builder = await seriousViolations(page);

    // 5. The published results, on the public page, without sign-in.
    const visitor = await signedOutPage();
    try {
      await visitor.goto(`${ctx.baseUrl}/public/camvs-2021-2023/sondages/${demo.id}`);
      await visitor.getByRole("heading", { level: 2, name: "Résultats" }).waitFor();
      await visitor.getByText("Éducation à la santé pour les enfants et les jeunes").first().waitFor();
      publicViolations.results = await allViolations(visitor);
    } finally {
      await visitor.context().close();
    }

    expect(publicViolations).toEqual({ form: [], errors: [], thanks: [], already: [], results: [] });
    expect(violations).toEqual({ list: [], results: [], crossTab: [], paper: [], builder: [] });
  });
});

/**
 * Residents' participation in the browser (issue 14): the CAMVS coordinator publishes the call
 * of a new World Café workshop (sessions in November 2021, registrations open until 2099); a
 * resident, signed out, registers with the keyboard only (the honeypot never gets the focus, the
 * success message does); the coordinator composes the tables of session 1, moves a person the
 * keyboard way, saves and hears the new score, downloads the printable sheets (PDF read back),
 * writes the workshop's synthesis of a topic linked to FA 5, and finds it in the draft review of
 * the 4th quarter of 2021 and on FA 5's follow-up; the resident then cancels with the e-mail's
 * link. Axe: no violation at all on the public pages (call, errors, success, cancellation), none
 * serious or critical on the coordinator's pages (list, workshop, form, tables).
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signedInClient } from "../server/testing/client.js";
import { pdfText } from "../server/testing/office.js";
import { camvsParticipation, registrationPayload, workshopPayload } from "../server/testing/matrix/cases/participation.js";
import { DEMO_ACCOUNTS, seriousViolations, useBrowser } from "./browser.js";
import { allViolations, focused, tabTo } from "./keyboard.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);

const TITLE = "Atelier des habitants de novembre (illustratif)";
const TOPIC = "Se soigner près de chez soi (illustratif)";
const SYNTHESIS = "Les habitants demandent des permanences de médecins le samedi matin dans les maisons de quartier. (illustratif)";
const RESIDENT = { firstName: "Nadège", lastName: "Ravelonjato", email: "nadege.r@exemple.fr" };
/** The people a partner registered before the resident (first names only on the sheets). */
const OTHERS: Record<string, unknown>[] = [
  { firstName: "Amina", gender: "woman", ageBand: "25-39", category: "jobseeker" },
  { firstName: "Bernard", gender: "man", ageBand: "70+", category: "retired" },
  { firstName: "Chloé", gender: "woman", ageBand: "16-24", category: "student", household: "famille C." },
  { firstName: "Céline", gender: "woman", ageBand: "40-54", category: "employee", household: "famille C." },
  { firstName: "Djibril", gender: "man", ageBand: "25-39", category: "worker" },
  { firstName: "Eugénie", gender: "woman", ageBand: "55-69", category: "retired" },
  { firstName: "Farid", gender: "man", ageBand: "40-54", category: "executive" },
  { firstName: "Gisèle", gender: "undisclosed", ageBand: "55-69", category: "intermediate" },
];

/** « Score total : 4,35 » → 4.35. */
const scoreOf = (text: string, label = "Score total") => Number(new RegExp(`${label} : ([0-9]+(?:,[0-9]+)?)`).exec(text)![1]!.replace(",", "."));

describe("residents' participation in the browser", () => {
  it("takes a resident's registration by keyboard, then tables, sheets and a synthesis found in the Q4 2021 review and the fiche's follow-up", { timeout: 360_000 }, async () => {
    const { page, ctx } = browser;
    const violations: Record<string, string[]> = {};
    const publicViolations: Record<string, string[]> = {};

    // 1. Set-up through the API, as the coordinator: a workshop whose sessions are in Q4 2021, open until 2099, topic 1 on FA 5.
    const coordinator = await signedInClient(ctx.app, DEMO_ACCOUNTS.camvsCoordinator);
    const contracts = (await coordinator.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>();
    const camvs = contracts.items.find((c) => c.slug === "camvs-2021-2023")!;
    const { bodyId } = await camvsParticipation(ctx.database.db, camvs.id);
    const fiches = (await coordinator.inject(`/api/contracts/${camvs.id}/actions`)).json<{ items: { id: string; number: number }[] }>();
    const fa5 = fiches.items.find((f) => f.number === 5)!;
    const payload = workshopPayload(bodyId, {
      title: TITLE,
      meal: false,
      deadline: "2099-12-31",
      moderators: ["Claire (illustratif)", "Yacine (illustratif)", "Élodie (illustratif)"].map((name) => ({ userId: null, name })),
      topics: [
        { title: TOPIC, questions: ["Où allez-vous quand vous êtes malade ?"], actionIds: [fa5.id] },
        { title: "Santé mentale (illustratif)", questions: ["À qui parlez-vous quand ça ne va pas ?"], actionIds: [] },
        { title: "Bouger au quotidien (illustratif)", questions: [], actionIds: [] },
      ],
      sessions: [
        { startsAt: "2021-11-09T18:00:00+01:00", endsAt: "2021-11-09T20:45:00+01:00", place: "Melun, maison des associations (illustratif)", roundMinutes: 25 },
        { startsAt: "2021-11-23T18:00:00+01:00", endsAt: "2021-11-23T20:45:00+01:00", place: "Melun, maison des associations (illustratif)", roundMinutes: 25 },
      ],
    });
    const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs.id}/workshops`, payload });
    expect(created.statusCode, created.body).toBe(201);
    const workshopId = created.json<{ id: string }>().id;
    const sessions = (await coordinator.inject(`/api/workshops/${workshopId}`)).json<{ sessions: { id: string }[] }>().sessions.map((s) => s.id);
    const towns = ["77288", "77152", "77285"];
    for (const [i, other] of OTHERS.entries()) {
      const body = registrationPayload({ sessionIds: sessions, communeInsee: towns[i % 3]! }, { lastName: "X.", ...other });
      const res = await coordinator.inject({ method: "POST", url: `/api/workshops/${workshopId}/registrations`, payload: body });
      expect(res.statusCode, res.body).toBe(201);
    }

    // The coordinator finds the workshop from the contract's page, publishes its call, opens its form.
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}`);
    await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
    await page.getByRole("link", { name: /^Ateliers des habitants/ }).first().click();
    await page.getByRole("heading", { level: 1, name: "Ateliers des habitants" }).waitFor();
    await page.getByRole("link", { name: "Atelier des habitants — World Café (illustratif)" }).waitFor();
    violations.list = await seriousViolations(page);
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page.getByRole("button", { name: "Publier l'appel" }).click();
    await page.getByRole("status").filter({ hasText: "L'appel est publié." }).waitFor();
    const publicPath = await page.getByRole("link", { name: new RegExp(`/public/${camvs.slug}/ateliers/${workshopId}$`) }).getAttribute("href");
    expect(publicPath).toBe(`/public/${camvs.slug}/ateliers/${workshopId}`);
    violations.workshop = await seriousViolations(page);
    await page.getByRole("link", { name: "Modifier l'atelier" }).click();
    await page.getByRole("heading", { level: 1, name: `Modifier : ${TITLE}` }).waitFor();
    await expect(page.getByLabel("Date limite d'inscription").inputValue()).resolves.toBe("2099-12-31");
    violations.edit = await seriousViolations(page);
    await page.getByRole("button", { name: "Annuler" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();

    // 2–3. A resident, signed out, registers with the keyboard only; the honeypot is never focused. Axe at each step.
    const resident = await signedOutPage();
    try {
      await resident.goto(`${ctx.baseUrl}${publicPath}`);
      await resident.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      await resident.getByRole("heading", { level: 2, name: "S'inscrire" }).waitFor();
      await resident.getByText("Il reste des places : inscrivez-vous avec le formulaire ci-dessous.").waitFor();
      publicViolations.empty = await allViolations(resident);

      // Straight to the button: sent empty, the form sums up its errors and the summary takes the focus.
      await tabTo(resident, "button[type=submit]");
      await resident.keyboard.press("Enter");
      const summary = resident.getByRole("alert").filter({ hasText: /Le formulaire contient \d+ erreurs/ });
      await summary.waitFor();
      await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
      await summary.getByRole("link", { name: "Votre accord : Pour vous inscrire, cochez la case d'accord sur l'usage de vos informations." }).waitFor();
      publicViolations.errors = await allViolations(resident);

      await tabTo(resident, "#champ-firstName");
      await resident.keyboard.type(RESIDENT.firstName);
      await tabTo(resident, "#champ-lastName");
      await resident.keyboard.type(RESIDENT.lastName);
      // Radios: Tab enters the group on its first choice, the arrows move and choose.
      await tabTo(resident, "input[name=ageBand]");
      await resident.keyboard.press("ArrowRight");
      expect(await focused(resident)).toMatchObject({ name: "ageBand", checked: true });
      await tabTo(resident, "input[name=gender]");
      await resident.keyboard.press("Space");
      // A select: typing the start of a choice picks it.
      await tabTo(resident, "#champ-category");
      await resident.keyboard.type("Employ");
      await tabTo(resident, "input[name=contactWay]");
      await resident.keyboard.press("Space");
      await tabTo(resident, "#champ-email");
      await resident.keyboard.type(RESIDENT.email);
      await tabTo(resident, "#champ-communeInsee");
      await resident.keyboard.type("Dammarie");
      await tabTo(resident, "#champ-qpv");
      await resident.keyboard.type("Je ne");
      for (const n of [1, 2]) {
        await tabTo(resident, "#champ-sessionIds input[type=checkbox]", { max: n === 1 ? 80 : 1 });
        await resident.keyboard.press("Space");
      }
      // At the button, the resident goes back to the consent box (nothing between them: the honeypot is out of reach).
      await tabTo(resident, "button[type=submit]");
      await tabTo(resident, "input[name=consent]", { back: true, max: 1 });
      await resident.keyboard.press("Space");
      await tabTo(resident, "button[type=submit]", { max: 1 });
      await resident.keyboard.press("Enter");

      await resident.getByRole("status").getByText(`Votre inscription à l'atelier « ${TITLE} » est enregistrée. Un courriel de confirmation vient de partir`).waitFor();
      await expect.poll(() => focused(resident).then((f) => f.text)).toMatch(/^Votre inscription est enregistrée/);
      publicViolations.success = await allViolations(resident);
      const path = await resident.evaluate(() => (window as unknown as { focusedIds: string[] }).focusedIds);
      expect(path).toContain("champ-firstName");
      expect(path.filter((id) => id === "champ-website" || id === "website")).toEqual([]);
    } finally {
      await resident.context().close();
    }

    // What the server kept: the resident's answers, as chosen with the keyboard.
    const kept = (await coordinator.inject(`/api/workshops/${workshopId}/registrations`)).json<{ items: Record<string, unknown>[] }>().items;
    expect(kept.find((r) => r.firstName === RESIDENT.firstName)).toMatchObject({
      lastName: RESIDENT.lastName,
      email: RESIDENT.email,
      contactWay: "email",
      ageBand: "25-39",
      gender: "woman",
      category: "employee",
      communeInsee: "77152",
      qpv: "unknown",
      sessionIds: sessions,
      status: "registered",
    });

    // 4. The tables of session 1: composed, one person moved the keyboard way, saved; the new score is said.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page.getByRole("link", { name: "Tables de la séance 1" }).click();
    await page.getByRole("heading", { level: 1, name: "Tables de la séance 1" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Sans table (9)" }).waitFor();
    const live = page.locator("p[aria-live=polite]");
    await page.getByRole("button", { name: "Composer les tables" }).click();
    await live.filter({ hasText: /^Tables composées\. Score total : / }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Sans table (0)" }).waitFor();
    violations.tables = await seriousViolations(page);

    const table1 = page.getByRole("region", { name: "Table 1", exact: true });
    const move = table1.getByRole("button", { name: /^Déplacer / }).first();
    const who = /^Déplacer (.+) \(table 1\)$/.exec((await move.textContent())!.trim())![1]!;
    await move.focus();
    await moveByKeyboard(page, who);
    // The move is said with the seating's new score, and each changed table shows its own at once.
    const moved = live.filter({ hasText: `${who} passe à la table 2. Score total : ` });
    await moved.waitFor();
    expect(await moved.textContent()).toMatch(/Score total : [0-9]+(,[0-9]+)?\. Pensez à enregistrer\.$/);
    const liveTotal = scoreOf((await moved.textContent())!);
    expect(await focused(page)).toMatchObject({ text: `Déplacer ${who} (table 2)` });
    await page.getByRole("region", { name: "Table 2", exact: true }).getByText(/^Modifiée, non enregistrée — Score [0-9]/).waitFor();
    await page.getByText(/\(enregistré : [0-9]+(,[0-9]+)?\)/).waitFor();
    await tabTo(page, "button", { text: /^Enregistrer les tables$/ });
    await page.keyboard.press("Enter");
    const announced = live.filter({ hasText: /^Tables enregistrées\. Score total : .* \(avant : .*\)\.$/ });
    await announced.waitFor();
    const said = (await announced.textContent())!;
    const [after, before] = [scoreOf(said), scoreOf(said, "avant")];
    expect(after).not.toBe(before);
    // The page's score before saving is the server's after.
    expect(after).toBe(liveTotal);
    const saved = (await coordinator.inject(`/api/workshop-sessions/${sessions[0]}/tables`)).json<{ score: number; tables: { people: { name: string }[] }[] }>();
    expect(Math.round(saved.score * 100) / 100).toBe(after);
    expect(saved.tables[1]!.people.map((p) => p.name)).toContain(who);
    violations.tablesSaved = await seriousViolations(page);

    // 5. The sheets to print: table lists with first names only, the rotation plan, a sheet per moderator.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger les fiches (PDF)" }).click()]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    for (const name of [RESIDENT.firstName, ...OTHERS.map((o) => o.firstName as string)]) expect(text).toContain(name);
    expect(text).not.toContain(RESIDENT.lastName);
    expect(text).toMatch(/plan de rotation/i);
    expect(text).toMatch(/Fiche d.animation — Table 1/);
    expect(text).toContain("Où allez-vous quand vous êtes malade ?");

    // 6. The workshop's synthesis of the topic linked to FA 5.
    await page.getByRole("navigation", { name: /vous êtes ici/ }).getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const label = `Synthèse de l'atelier sur « ${TOPIC} »`;
    await page.getByLabel(label).fill(SYNTHESIS);
    await page.getByRole("button", { name: `Enregistrer : ${label}` }).click();
    await page.getByRole("status").filter({ hasText: "Synthèse enregistrée." }).waitFor();
    violations.workshopWithSynthesis = await seriousViolations(page);

    // 7. The draft review of the 4th quarter of 2021 tells it in « Démocratie sanitaire »…
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/revues`);
    await page.getByRole("heading", { level: 1, name: "Revues trimestrielles" }).waitFor();
    const quarter = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "4e trimestre 2021" }) });
    await quarter.getByRole("button", { name: "Rédiger la revue du 4e trimestre 2021" }).click();
    await page.getByRole("heading", { level: 1, name: "Revue trimestrielle — 4e trimestre 2021" }).waitFor();
    const democracy = page.getByRole("region", { name: /Démocratie sanitaire : participation des habitants/ });
    await democracy.getByText(TITLE, { exact: true }).waitFor();
    await democracy.getByText(SYNTHESIS, { exact: false }).waitFor();
    expect(await democracy.textContent()).toContain(`${TOPIC} (FA 5) : ${SYNTHESIS}`);

    // … and so does FA 5's follow-up, under « Paroles d'habitants ».
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/fiches/${fa5.id}/suivi`);
    await page.getByRole("heading", { level: 1, name: /^Suivi de la FA 5 —/ }).waitFor();
    const voices = page.getByRole("region", { name: "Paroles d'habitants" });
    await voices.getByText(SYNTHESIS).waitFor();
    await voices.getByText(TITLE, { exact: false }).waitFor();

    // 8. The resident cancels with the link of the confirmation e-mail (keyboard only, again).
    const mailbox = await signedOutPage();
    try {
      await mailbox.goto(`${ctx.baseUrl}/dev/courriels`);
      const href = await mailbox.getByRole("article").filter({ hasText: RESIDENT.email }).getByRole("link", { name: /\/public\/annulation\// }).getAttribute("href");
      await mailbox.goto(href!);
      await mailbox.getByRole("heading", { level: 1, name: "Annuler mon inscription" }).waitFor();
      publicViolations.cancel = await allViolations(mailbox);
      await tabTo(mailbox, "button", { text: /^Annuler mon inscription$/ });
      await mailbox.keyboard.press("Enter");
      await mailbox.getByRole("status").getByText(`Votre inscription à l'atelier « ${TITLE} » est annulée.`, { exact: false }).waitFor();
      await expect.poll(() => focused(mailbox).then((f) => f.text)).toMatch(/^Votre inscription est annulée/);
      publicViolations.cancelled = await allViolations(mailbox);
    } finally {
      await mailbox.context().close();
    }
    const left = (await coordinator.inject(`/api/workshops/${workshopId}/registrations`)).json<{ items: Record<string, unknown>[] }>().items;
    expect(left.find((r) => r.firstName === RESIDENT.firstName)).toMatchObject({ status: "cancelled" });

    expect(publicViolations).toEqual({ empty: [], errors: [], success: [], cancel: [], cancelled: [] });
    expect(violations).toEqual({ list: [], workshop: [], edit: [], tables: [], tablesSaved: [], workshopWithSynthesis: [] });
  });
});

/** A page of a new browser context, signed out, that notes every element taking the focus (window.focusedIds). */
async function signedOutPage(): Promise<Page> {
  const context = await browser.ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
  await context.addInitScript(() => {
    const w = window as unknown as { focusedIds: string[] };
    w.focusedIds = [];
    document.addEventListener("focusin", (e) => w.focusedIds.push((e.target as HTMLElement).id || (e.target as HTMLElement).getAttribute("name") || (e.target as HTMLElement).tagName), true);
  });
  return context.newPage();
}

/** The keyboard way of moving `who` from table 1 to table 2: « Déplacer » (focused), then « Placer … ici » on table 2. */
async function moveByKeyboard(page: Page, who: string): Promise<void> {
  await page.keyboard.press("Enter");
  await expect.poll(() => focused(page).then((f) => f.text)).toBe(`Annuler le déplacement de ${who}`);
  await tabTo(page, "button", { text: new RegExp(`^Placer ${who.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ici \\(table 2\\)$`) });
  await page.keyboard.press("Enter");
}

/**
 * Governance in the browser: the CAMVS coordinator records a COTECH (agenda refused
 * when longer than the meeting, then fixed; standing members invited, attendance,
 * head count 14, minutes in the rich-text editor, a decision), sees it on its page
 * and on the calendar, invites, attaches a file; manages bodies. Axe on every page.
 */
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, signInContext, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);

/** The CAMVS contract's address ("/contrats/<id>"), reached as a person does. */
async function openCamvs(): Promise<string> {
  const { page, ctx } = browser;
  await page.goto(ctx.baseUrl);
  await page.getByRole("link", { name: "Contrat Local de Santé de la Communauté d'agglomération Melun Val de Seine", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
  return new URL(page.url()).pathname;
}

async function open(path: string, heading: string | RegExp): Promise<void> {
  await browser.page.goto(browser.ctx.baseUrl + path);
  await browser.page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

/** A DSFR modal fades in: axe measures contrast once it is fully shown. */
async function opened(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity), { timeout: 5000 }).toBe("1");
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

describe("governance in the browser", () => {
  it("lets the coordinator record a COTECH with agenda, attendance and minutes, then find it on its page and the calendar", async () => {
    const { page } = browser;
    const contract = await openCamvs();
    const violations: Record<string, string[]> = {};

    await open(`${contract}/reunions`, "Réunions");
    await page.getByRole("link", { name: "Comité technique 2021" }).waitFor();
    violations.list = await seriousViolations(page);
    await page.getByRole("link", { name: "Nouvelle réunion" }).click();
    await page.getByRole("heading", { level: 1, name: "Nouvelle réunion" }).waitFor();

    await page.getByLabel("Instance", { exact: true }).selectOption({ label: "Comité technique (COTECH)" });
    await page.getByRole("textbox", { name: /^Titre/ }).fill("COTECH de printemps 2022");
    await page.getByLabel("Date", { exact: true }).fill("2022-03-15");
    await page.getByLabel("Début", { exact: true }).fill("14:00");
    await page.getByLabel("Fin", { exact: true }).fill("16:00");
    await page.getByLabel("Lieu (facultatif)", { exact: true }).fill("Siège de la CAMVS, Dammarie-lès-Lys");
    // An agenda of 2 h 30 for a meeting of 2 h is refused, on the agenda.
    for (const [title, minutes, presenter] of [
      ["Suivi des fiches actions", "90", "Coordination du CLS"],
      ["Questions diverses", "60", ""],
    ]) {
      await page.getByRole("button", { name: "Ajouter un point" }).click();
      const item = page.getByRole("group", { name: /^Point \d+$/ }).last();
      await item.getByLabel(/^Intitulé du point/).fill(title!);
      await item.getByLabel("Durée en minutes (facultatif)").fill(minutes!);
      await item.getByLabel("Intervenant·e").fill(presenter!);
    }
    await page.getByRole("group", { name: "Point 1" }).getByText("Fiches concernées (facultatif)", { exact: true }).click();
    await page.getByRole("group", { name: "Point 1" }).getByText(/^FA 5 —/).click();
    violations.newMeeting = await seriousViolations(page);
    await page.getByRole("button", { name: "Enregistrer la réunion" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient une erreur" });
    await summary.getByText("L'ordre du jour dure 2 h 30, plus que la réunion (2 h)").waitFor();
    await page.locator("fieldset").getByText(/^L'ordre du jour dure 2 h 30/).waitFor();
    violations.newMeetingErrors = await seriousViolations(page);
    // A duration is optional: without one, the item no longer counts against the meeting's length.
    await page.getByRole("group", { name: "Point 2" }).getByLabel("Durée en minutes (facultatif)").fill("");
    await page.getByText("Durée des points minutés : 1 h 30 pour une réunion de 2 h.").waitFor();

    // The COTECH's standing members are invited; two of them came; 14 people in all.
    await page.getByRole("button", { name: /^Inviter les membres de l'instance/ }).click();
    // One line per participant, with its checkboxes; the organisations invited without an e-mail address are flagged.
    const participants = page.getByRole("table", { name: "Participants de la réunion" });
    await expect(participants.getByRole("row").count()).resolves.toBe(7);
    await expect(participants.getByText("Sans adresse e-mail : l'invitation ne lui parviendra pas.").count()).resolves.toBe(4);
    await page.getByText(/^Agence régionale de santé Île-de-France, .+ n'ont pas d'adresse e-mail : l'invitation ne leur parviendra pas\./).waitFor();
    await participants.getByRole("checkbox", { name: /^Présent·e : Marie Dupont/ }).check({ force: true });
    await participants.getByRole("checkbox", { name: /^Présent·e : Karim Benali/ }).check({ force: true });
    await page.getByLabel("Nombre de participants (facultatif)").fill("14");

    // Minutes in the rich-text editor: a paragraph with bold, then a list.
    const editor = page.getByRole("textbox", { name: "Compte rendu de la réunion" });
    await editor.click();
    await page.getByRole("button", { name: "Gras" }).click();
    await page.keyboard.type("Avancement satisfaisant");
    await page.getByRole("button", { name: "Gras" }).click();
    await page.keyboard.type(" sur la plupart des fiches.");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Liste à puces" }).click();
    await page.keyboard.type("FA 5 : reprogrammer les ateliers");
    await expect(page.getByRole("button", { name: "Liste à puces" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await page.getByRole("button", { name: "Ajouter une décision" }).click();
    await page.getByLabel("Décision 1", { exact: true }).fill("Reprogrammer les ateliers de la FA 5 au second semestre");
    await page.getByRole("button", { name: "Enregistrer la réunion" }).click();

    // The meeting's page.
    await page.getByRole("heading", { level: 1, name: "COTECH de printemps 2022" }).waitFor();
    await page.getByText("La réunion est enregistrée.").waitFor();
    await page.getByText("mardi 15 mars 2022, de 14 h 00 à 16 h 00").waitFor();
    await page.getByText("14 participants").first().waitFor();
    await page.getByText("6 invités, 2 présents enregistrés.").waitFor();
    await page.getByText("Durée des points minutés : 1 h 30.").waitFor();
    // Before sending the invitation, the coordinator is told who will not receive it.
    await page.getByText(/n'ont pas d'adresse e-mail : l'invitation ne leur parviendra pas\./).waitFor();
    await expect(page.locator(".cles-minutes strong").textContent()).resolves.toBe("Avancement satisfaisant");
    await expect(page.locator(".cles-minutes li").textContent()).resolves.toBe("FA 5 : reprogrammer les ateliers");
    await page.getByText("Reprogrammer les ateliers de la FA 5 au second semestre").waitFor();
    await page.getByRole("link", { name: "FA 5", exact: true }).waitFor();
    await expect(page.getByRole("link", { name: "Ajouter à mon agenda (.ics)" }).getAttribute("href")).resolves.toMatch(/^\/api\/meetings\/[0-9a-f-]+\/ics$/);
    violations.meeting = await seriousViolations(page);

    // Invitation: the two standing members with an e-mail receive it; then it becomes an update.
    // The meeting is past (March 2022): the invitation is asked twice.
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await page.getByRole("dialog", { name: "Cette réunion a déjà eu lieu" }).waitFor();
    await page.getByRole("button", { name: "Envoyer quand même" }).click();
    await page.getByText("L'invitation a été envoyée à 2 personnes.").waitFor();
    await page.getByRole("button", { name: "Mettre à jour l'invitation" }).waitFor();

    // Attachments: a real PDF is kept; a text file named .pdf is refused with the server's reason.
    await page.locator("input[type=file]").setInputFiles({ name: "diaporama.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Joindre le fichier" }).click();
    await page.getByRole("link", { name: /^diaporama\.pdf/ }).waitFor();
    await page.locator("input[type=file]").setInputFiles({ name: "faux.pdf", mimeType: "application/pdf", buffer: Buffer.from("pas un PDF") });
    await page.getByRole("button", { name: "Joindre le fichier" }).click();
    await page.getByText("Le contenu du fichier ne correspond pas à son type (.pdf).").waitFor();
    violations.meetingWithFiles = await seriousViolations(page);

    // The edit form opens with everything recorded.
    await page.getByRole("link", { name: "Modifier la réunion" }).click();
    await page.getByRole("heading", { level: 1, name: "Modifier : COTECH de printemps 2022" }).waitFor();
    await expect(page.getByLabel("Nombre de participants (facultatif)").inputValue()).resolves.toBe("14");
    await expect(page.getByLabel("Début", { exact: true }).inputValue()).resolves.toBe("14:00");
    violations.editMeeting = await seriousViolations(page);

    // The calendar shows it in its month, and the subscription address.
    await open(`${contract}/calendrier`, "Calendrier des réunions");
    const march = page.getByRole("region", { name: "Mars 2022" });
    await march.getByRole("link", { name: "COTECH de printemps 2022" }).waitFor();
    await expect(page.getByRole("textbox", { name: "Adresse d'abonnement" }).inputValue()).resolves.toMatch(/\/api\/calendar\/[^/]+\.ics$/);
    violations.calendar = await seriousViolations(page);
    await march.getByRole("link", { name: "COTECH de printemps 2022" }).click();
    await page.getByRole("heading", { level: 1, name: "COTECH de printemps 2022" }).waitFor();

    expect(violations).toEqual({ list: [], newMeeting: [], newMeetingErrors: [], meeting: [], meetingWithFiles: [], editMeeting: [], calendar: [] });
  });

  it("lets the coordinator create, change and delete a body, refuses to delete one that has meetings, and renews the calendar address", async () => {
    const { page } = browser;
    const contract = await openCamvs();
    await open(`${contract}/gouvernance`, "Gouvernance");
    await page.getByRole("heading", { level: 2, name: "Comité technique (COTECH)" }).waitFor();
    await page.getByText("Une réunion tous les 6 mois").first().waitFor();
    const violations: Record<string, string[]> = { governance: await seriousViolations(page) };

    await page.getByRole("button", { name: "Nouvelle instance" }).click();
    const form = page.getByRole("form", { name: "Nouvelle instance" });
    await form.getByLabel("Type d'instance").selectOption({ label: "Commission thématique" });
    await form.getByRole("textbox", { name: /^Nom/ }).fill("Commission Santé mentale");
    await form.getByLabel("Axe stratégique suivi").selectOption({ index: 1 });
    await form.getByText("Au moins N réunions par an").click();
    await form.getByLabel("Nombre de réunions par an, au moins").fill("0");
    await form.getByRole("button", { name: "Créer l'instance" }).click();
    await form.getByText("Au moins une réunion par an.").first().waitFor();
    violations.bodyErrors = await seriousViolations(page);
    await form.getByLabel("Nombre de réunions par an, au moins").fill("3");
    await form.getByRole("button", { name: "Créer l'instance" }).click();
    const card = page.getByRole("region", { name: "Commission Santé mentale" });
    await card.getByText("Au moins 3 réunions par an").waitFor();
    await card.getByText(/^Axe 1 — /).waitFor();

    // Its standing members: an organisation, and a person by name and e-mail.
    await card.getByRole("button", { name: /^Modifier les membres/ }).click();
    await card.getByRole("button", { name: "Ajouter un membre" }).click();
    await card.getByRole("group", { name: "Membre 1" }).getByLabel("Organisation").selectOption({ index: 1 });
    await card.getByRole("button", { name: "Ajouter un membre" }).click();
    await card.getByRole("group", { name: "Membre 2" }).getByLabel("Nom").fill("Julie Morel");
    await card.getByRole("group", { name: /^Membre 2/ }).getByLabel("E-mail").fill("julie.morel@exemple.fr");
    violations.members = await seriousViolations(page);
    await card.getByRole("button", { name: "Enregistrer les membres" }).click();
    await card.getByText("Julie Morel — julie.morel@exemple.fr").waitFor();
    await card.getByRole("heading", { name: "Membres permanents (2)" }).waitFor();

    // A body with meetings is kept, with the server's reason.
    const cotech = page.getByRole("region", { name: "Comité technique (COTECH)" });
    await cotech.getByRole("button", { name: /^Supprimer/ }).click();
    await cotech.getByRole("button", { name: "Confirmer la suppression" }).click();
    await cotech.getByText(/^Cette instance a \d+ réunions? : elle ne peut pas être supprimée\.$/).waitFor();
    // One without meetings goes.
    await card.getByRole("button", { name: /^Supprimer/ }).click();
    await card.getByRole("button", { name: "Confirmer la suppression" }).click();
    await page.getByRole("region", { name: "Commission Santé mentale" }).waitFor({ state: "detached" });

    // Renewing the calendar address asks first, then gives a new one.
    await open(`${contract}/calendrier`, "Calendrier des réunions");
    const address = page.getByRole("textbox", { name: "Adresse d'abonnement" });
    await expect(address.inputValue()).resolves.toMatch(/\.ics$/);
    const before = await address.inputValue();
    await page.getByRole("button", { name: "Renouveler l'adresse" }).click();
    const dialog = page.getByRole("dialog", { name: "Renouveler l'adresse d'abonnement ?" });
    await opened(dialog);
    violations.resetDialog = await seriousViolations(page);
    await dialog.getByRole("button", { name: "Renouveler l'adresse" }).click();
    await page.getByText("Nouvelle adresse créée").waitFor();
    await expect(address.inputValue()).resolves.not.toBe(before);

    expect(violations).toEqual({ governance: [], bodyErrors: [], members: [], resetDialog: [] });
  });

  it("cancels a meeting after confirmation; a partner reads meetings without the coordination's buttons", async () => {
    const { page, ctx } = browser;
    const contract = await openCamvs();
    await open(`${contract}/reunions`, "Réunions");
    await page.getByRole("link", { name: "Comité de pilotage 2021" }).click();
    await page.getByRole("heading", { level: 1, name: "Comité de pilotage 2021" }).waitFor();
    await page.getByRole("button", { name: "Annuler la réunion" }).click();
    const dialog = page.getByRole("dialog", { name: "Annuler la réunion ?" });
    await opened(dialog);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Annuler la réunion" }).click();
    await page.getByRole("heading", { name: "Réunion annulée" }).waitFor();
    await expect(page.getByRole("link", { name: "Modifier la réunion" }).count()).resolves.toBe(0);

    // A partner of the contract.
    const partner = await ctx.browser.newContext({ locale: "fr-FR" });
    await signInContext(partner, ctx.baseUrl, DEMO_ACCOUNTS.partner);
    const other = await partner.newPage();
    await other.goto(`${ctx.baseUrl}${contract}/reunions`);
    await other.getByRole("heading", { level: 1, name: "Réunions" }).waitFor();
    await expect(other.getByRole("link", { name: "Nouvelle réunion" }).count()).resolves.toBe(0);
    await other.getByRole("link", { name: "Comité technique 2021" }).click();
    await other.getByRole("heading", { level: 1, name: "Comité technique 2021" }).waitFor();
    await other.getByRole("link", { name: "Ajouter à mon agenda (.ics)" }).waitFor();
    for (const name of ["Modifier la réunion", "Envoyer l'invitation", "Annuler la réunion", "Joindre le fichier"]) await expect(other.getByRole("button", { name }).or(other.getByRole("link", { name })).count()).resolves.toBe(0);
    await other.goto(`${ctx.baseUrl}${contract}/gouvernance`);
    await other.getByRole("heading", { level: 2, name: "Comité technique (COTECH)" }).waitFor();
    await expect(other.getByRole("button", { name: "Nouvelle instance" }).count()).resolves.toBe(0);
    await partner.close();
  });
});

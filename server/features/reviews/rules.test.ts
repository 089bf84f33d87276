/** The pure rules of a review: what moved, how a refresh merges, how an edit applies, how the document is numbered. */
import { describe, expect, it } from "vitest";
import { composeReview, type ReviewData, type ReviewMeeting } from "./compose.js";
import { reviewDocument } from "./document.js";
import { applyEdit, refreshSections } from "./refresh.js";
import type { ReviewSection } from "../../domain/review-sections.js";

const meeting = (over: Partial<ReviewMeeting>): ReviewMeeting => ({
  id: "m",
  bodyId: "gt",
  title: "Réunion",
  startsAt: new Date("2021-08-10T08:00:00Z"),
  place: "",
  headCount: null,
  presentCount: 0,
  organisations: [],
  signatoryOrganisations: [],
  agenda: [],
  residentsPresent: 0,
  minutes: "",
  decisions: [],
  agendaActionIds: [],
  invitationSentAt: null,
  cancelled: false,
  attachments: [],
  ...over,
});

const data = (over: Partial<ReviewData> = {}): ReviewData => ({
  year: 2021,
  quarter: 3,
  purpose: "",
  bodies: [
    { id: "copil", kind: "copil", name: "COPIL", participation: false, rhythm: { kind: "per_year", count: 2 }, actionIds: [] },
    { id: "gt", kind: "working_group", name: "GT FA 2", participation: false, rhythm: null, actionIds: ["a2"] },
    { id: "hab", kind: "residents", name: "Ateliers", participation: true, rhythm: null, actionIds: [] },
  ],
  meetings: [],
  fiches: [
    { id: "a2", number: 2, title: "Deux" },
    { id: "a1", number: 1, title: "Un" },
    { id: "a3", number: 3, title: "Trois" },
  ],
  progress: [],
  measurements: [],
  milestones: [],
  adjustments: [],
  remaining: [],
  workshops: [],
  surveys: [],
  ...over,
});

describe("composeReview", () => {
  it("gives purpose and governance first, the fiches that moved in order, the others in one line", () => {
    const sections = composeReview(
      data({
        progress: [{ id: "p1", actionId: "a1", happenedOn: "2021-07-02", text: "Lancement <b>&</b> suite", meetingId: null }],
        meetings: [meeting({ id: "gt1", bodyId: "gt", decisions: ["Atelier reporté au printemps"] }), meeting({ id: "copil-next", bodyId: "copil", startsAt: new Date("2021-12-07T09:00:00Z") })],
      }),
    );
    expect(sections.map((s) => s.key)).toEqual(["purpose", "governance", "action:a1", "action:a2", "unmoved"]);
    expect(sections[0]!.html).toContain("outil de suivi");
    expect(sections[1]!.html).toContain("d'au moins 2 comités de pilotage par an");
    expect(sections[1]!.html).toContain("Le prochain Comité de pilotage aura lieu le 7 décembre 2021 à 10h00.");
    // The entry in its author's words, escaped, as a sentence.
    expect(sections[2]!.html).toContain("<p>Lancement &lt;b&gt;&amp;&lt;/b&gt; suite.</p>");
    expect(sections[3]!.html).toContain("Décision prise : atelier reporté au printemps.");
    expect(sections[4]).toMatchObject({ hidden: true, html: "<p>L'autre fiche action du contrat n'a pas fait l'objet d'un point d'étape ce trimestre : FA 3 « Trois ».</p>" });
  });

  it("does not count an adjustment merely agreed, nor a committee going through every fiche, as movement", () => {
    const sections = composeReview(
      data({
        bodies: [...data().bodies, { id: "cotech", kind: "cotech", name: "COTECH", participation: false, rhythm: null, actionIds: [] }],
        meetings: [meeting({ id: "c", bodyId: "cotech", agendaActionIds: ["a1", "a2", "a3"], headCount: 14, decisions: ["Orientation"] })],
        adjustments: [{ id: "j", actionId: "a3", kind: "reschedule", description: "", status: "agreed", agreedOn: "2021-09-14", doneOn: null, targetNumber: null }],
      }),
    );
    expect(sections.filter((s) => s.kind === "action")).toEqual([]);
    expect(sections.find((s) => s.kind === "committee")!.html).toContain("14 participants");
  });

  it("opens a committee's section with its minutes' own opening paragraphs rather than its agenda, and keeps quiet about a committee with no date", () => {
    const minutes = "<p>Le Comité a réuni 14 participants : signataires, communes et CCAS.</p><p>Il a permis de présenter l'avancement du CLS.</p><ul><li>Un point</li></ul>";
    const sections = composeReview(
      data({
        bodies: [...data().bodies, { id: "cotech", kind: "cotech", name: "COTECH", participation: false, rhythm: { kind: "every_months", months: 6 }, actionIds: [] }],
        meetings: [meeting({ id: "c", bodyId: "cotech", headCount: 14, agenda: ["Ouverture", "Tour de table"], minutes })],
      }),
    );
    const committee = sections.find((s) => s.kind === "committee")!.html;
    expect(committee).toContain("<p>Le Comité a réuni 14 participants : signataires, communes et CCAS.</p><p>Il a permis de présenter l'avancement du CLS.</p><ul><li>Un point</li></ul>");
    expect(committee).not.toMatch(/Il a réuni 14 participants|ordre du jour/);
    const governance = sections.find((s) => s.kind === "governance")!.html;
    expect(governance).not.toMatch(/pas encore fixée|comité technique tous les 6 mois/);
  });

  it("tells the residents' participation from its bodies' meetings", () => {
    const sections = composeReview(data({ meetings: [meeting({ id: "w", bodyId: "hab", title: "Atelier des habitants", headCount: 18, minutes: "<p>Trois tablées.</p>" })] }));
    const participation = sections.find((s) => s.kind === "participation")!;
    expect(participation.html).toContain("18 participants");
    expect(participation.html).toContain("<p>Trois tablées.</p>");
  });

  it("tells the workshops of the quarter in the participation section even without a meeting, and the residents at a COPIL", () => {
    const workshop = { id: "w1", title: "World Café", callPublishedOn: "2021-08-02", deadline: "2021-08-20", registered: 18, sessions: [], topics: [], syntheses: [] };
    const sections = composeReview(data({ workshops: [workshop], meetings: [meeting({ id: "c", bodyId: "copil", residentsPresent: 2 })] }));
    expect(sections.find((s) => s.kind === "participation")!.html).toContain("Un appel à participation a été publié le 2 août 2021");
    expect(sections.find((s) => s.kind === "committee")!.html).toContain("2 habitants y ont porté la parole des ateliers des habitants.");
    expect(composeReview(data({ meetings: [meeting({ id: "c", bodyId: "copil", residentsPresent: 0 })] })).find((s) => s.kind === "committee")!.html).not.toContain("habitant");
  });

  it("says a thematic commission in the feminine, and annexes its deck", () => {
    const sections = composeReview(
      data({
        bodies: [...data().bodies, { id: "th", kind: "thematic", name: "Commission santé mentale", participation: false, rhythm: null, actionIds: [] }],
        meetings: [meeting({ id: "t", bodyId: "th", startsAt: new Date("2021-09-21T08:00:00Z") })],
      }),
    );
    const committee = sections.find((s) => s.kind === "committee")!;
    expect(committee.html).toContain("La Commission thématique du CLS s'est réunie le 21 septembre 2021");
    expect(committee.html).toContain("Le support de présentation de cette Commission thématique est annexé à la présente revue.");
    expect(sections.find((s) => s.kind === "annexes")!.html).toBe("<ol><li>Support de présentation de la Commission thématique du 21/09/2021</li></ol>");
  });
});

const section = (key: string, html: string, over: Partial<ReviewSection> = {}): ReviewSection => ({
  key,
  kind: key.startsWith("free:") ? "free" : "action",
  title: key,
  generatedTitle: key,
  html,
  generatedHtml: html,
  sourceHash: html,
  sources: { meetingIds: [], progressEntryIds: [], measurementIds: [], milestoneIds: [], adjustmentIds: [], attachmentIds: [], actionIds: [] },
  edited: false,
  hidden: false,
  refreshState: "unchanged",
  ...over,
});

describe("refreshSections", () => {
  it("keeps unchanged sections, redraws untouched ones, flags edited ones, inserts new ones in place, keeps edited gone ones", () => {
    const current = [
      section("action:a", "A", { html: "Mon texte A", edited: true }),
      section("action:b", "B"),
      section("action:c", "C", { html: "Mon texte C", edited: true }),
      section("free:x", "Libre", { edited: true }),
      section("action:d", "D"),
      section("action:e", "E", { html: "Mon E", edited: true }),
    ];
    const fresh = [section("action:a", "A"), section("action:b", "B2"), section("action:n", "N"), section("action:c", "C2")];
    const merged = refreshSections(current, fresh);
    expect(merged.map((s) => [s.key, s.refreshState, s.html])).toEqual([
      ["action:a", "unchanged", "Mon texte A"],
      ["action:b", "updated", "B2"],
      ["action:n", "new", "N"],
      ["action:c", "changed", "Mon texte C"],
      ["free:x", "unchanged", "Libre"],
      // D's data left the quarter and it was not edited: it goes; E was edited: kept, flagged.
      ["action:e", "gone", "Mon E"],
    ]);
    expect(merged.find((s) => s.key === "action:c")!.generatedHtml).toBe("C2");
  });
});

describe("applyEdit", () => {
  it("tells an edit from a text equal to the data's, and refuses duplicates and removed generated sections", () => {
    const current = [section("action:a", "<p>A</p>"), section("action:b", "<p>B</p>")];
    const ok = applyEdit(current, [
      { key: "action:b", title: "action:b", html: "<p>B</p>", hidden: true },
      { key: "action:a", title: "action:a", html: "<p>A modifié</p>", hidden: false },
      { key: "free:1", title: "Libre", html: "<p>x</p>", hidden: false },
    ]);
    expect("sections" in ok && ok.sections.map((s) => [s.key, s.edited, s.hidden])).toEqual([
      ["action:b", false, true],
      ["action:a", true, false],
      ["free:1", true, false],
    ]);
    const bad = applyEdit(current, [
      { key: "action:a", title: "a", html: "", hidden: false },
      { key: "action:a", title: "a", html: "", hidden: false },
      { key: "free:2", title: " ", html: "", hidden: false },
    ]);
    expect("errors" in bad && bad.errors.map((e) => e.path)).toEqual(["sections.1.key", "sections.2.title", "sections"]);
  });
});

describe("reviewDocument", () => {
  it("numbers the committee and the deployment as in the seed, letters the fiches, leaves hidden sections out", () => {
    const sections = [
      section("purpose", "<p>Objet</p>", { kind: "purpose", title: "La revue trimestrielle" }),
      section("committee:1", "<p>COTECH</p>", { kind: "committee", title: "Comité technique du 14 septembre 2021" }),
      section("action:1", "<p>FA1</p>", { title: "FICHE ACTION 1 « Un »" }),
      section("free:a", "<p>Note</p>", { title: "Note" }),
      section("action:3", "<p>FA3</p>", { title: "FICHE ACTION 3 « Trois »" }),
      section("unmoved", "<p>Autres</p>", { kind: "unmoved", title: "Sans mouvement", hidden: true }),
    ];
    const model = reviewDocument({ contractName: "CLS", label: "3e trimestre 2021", sections, note: "Brouillon", author: "M" });
    const headings = model.blocks.filter((b) => b.type === "heading").map((b) => (b.type === "heading" ? [b.level, b.text, !!b.numbered] : []));
    expect(headings).toEqual([
      [1, "La revue trimestrielle", false],
      [1, "Comité technique du 14 septembre 2021", true],
      [1, "Déploiement du CLS", true],
      [2, "a. FICHE ACTION 1 « Un »", false],
      [2, "b. Note", false],
      [2, "c. FICHE ACTION 3 « Trois »", false],
    ]);
    expect(model.runningHeader).toBe("CLS — revue du 3e trimestre 2021");
  });
});

import { describe, expect, it } from "vitest";
import { adjustmentLine, type TableRow } from "../overview/cotech-table.js";
import { buildDeck, DEFAULT_AGENDA, keyDates, openingSpeaker, pickAxes, roundOfTable, type DeckInput, type DeckMeeting, type Slide } from "./deck.js";
import { CONTENT_WIDTH } from "./layout.js";
import { measureHeader, measureRow, paginate, paginateEvenly, TABLE_HEIGHT, type DeckColumn, type DeckRow } from "./split.js";

const row = (number: number, progress: string[] = [], title = `Fiche ${number}`): TableRow => ({
  action: { id: `a${number}`, number, title, shownStatus: "in_progress", shownStatusLabel: "En cours" },
  permissions: { update: false },
  objectives: `Objectif de la fiche ${number}`,
  criteria: [],
  planned: [],
  progress: progress.map((text, i) => ({ id: `p${number}-${i}`, happenedOn: "2021-09-14", happenedOnPrecision: "day" as const, text })),
  remaining: [],
  adjustments: [],
});

const axis = (number: number, objectives: { code: string; rows: TableRow[] }[]) => ({
  id: `axis${number}`,
  number,
  title: `Axe ${number}`,
  objectives: objectives.map((o) => ({ id: `o${o.code}`, code: o.code, title: `Objectif ${o.code}`, rows: o.rows })),
});

const meeting = (over: Partial<DeckMeeting> = {}): DeckMeeting => ({
  id: "m1",
  title: "Comité technique 2021",
  startsAt: new Date("2021-09-14T08:00:00Z"),
  bodyKind: "cotech",
  cancelled: false,
  agenda: [],
  ...over,
});

const input = (over: Partial<DeckInput> = {}): DeckInput => ({
  contract: { name: "CLS de test", localAuthority: "Agglo de test", startDate: "2021-01-01", endDate: "2023-12-31" },
  year: 2021,
  today: "2022-03-01",
  signatories: [
    { organisationName: "ARS", representative: "Hélène Marie", title: "Directrice", signedOn: "2021-06-15" },
    { organisationName: "Agglo", representative: "", title: "", signedOn: "2021-06-15" },
  ],
  meetings: [],
  meeting: null,
  table: { axes: [axis(1, [{ code: "1.1", rows: [row(1), row(2)] }, { code: "1.2", rows: [row(3)] }]), axis(2, [{ code: "2.1", rows: [row(4)] }])], transversal: [], process: [] },
  picked: null,
  ...over,
});

const of = <K extends Slide["kind"]>(slides: Slide[], kind: K) => slides.filter((s): s is Extract<Slide, { kind: K }> => s.kind === kind);
const long = (words: number) => Array.from({ length: words }, (_, i) => `mot${i}`).join(" ");
const columns: DeckColumn[] = [
  { header: "Fiche action", width: 2 },
  { header: "Avancement", width: CONTENT_WIDTH - 2 },
];
const cells = (name: string, text: string): DeckRow => ({ kind: "cells", cells: [[name], [text]] });
const pageHeight = (page: DeckRow[]) => measureHeader(columns) + page.reduce((s, r) => s + measureRow(r, columns), 0);

describe("splitting a long table across slides", () => {
  it("keeps a short table on one slide", () => {
    expect(paginate(columns, [cells("FA 1", "court"), cells("FA 2", "court")])).toHaveLength(1);
  });

  it("moves whole rows to the next slide, never cutting a row that fits on a slide", () => {
    const rows = Array.from({ length: 12 }, (_, i) => cells(`FA ${i + 1}`, long(300)));
    const pages = paginate(columns, rows);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(pageHeight(page)).toBeLessThanOrEqual(TABLE_HEIGHT + 1e-9);
    // Every row comes out whole, once, in order.
    expect(pages.flat().map((r) => (r.kind === "cells" ? r.cells[0]![0] : ""))).toEqual(rows.map((r) => (r.kind === "cells" ? r.cells[0]![0] : "")));
  });

  it("cuts a row only when it alone is taller than a slide, the rest continued as « (suite) »", () => {
    const huge = cells("FA 9 : Très longue fiche", long(4000));
    const pages = paginate(columns, [cells("FA 8", "court"), huge]);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]!.map((r) => r.kind === "cells" && r.cells[0]![0])).toEqual(["FA 8"]);
    const name = (r: DeckRow | undefined) => (r?.kind === "cells" ? r.cells[0] : null);
    expect(name(pages[1]![0])).toEqual(["FA 9 : Très longue fiche"]);
    expect(name(pages[2]![0])).toEqual(["FA 9 : Très longue fiche (suite)"]);
    const words = pages.slice(1).flatMap((p) => p.flatMap((r) => (r.kind === "cells" ? r.cells[1]!.join(" ").split(" ") : [])));
    expect(words).toEqual(long(4000).split(" "));
    for (const page of pages) expect(pageHeight(page)).toBeLessThanOrEqual(TABLE_HEIGHT + 1e-9);
  });

  it("fills the slides evenly: as many as greedy filling needs, no slide left with one row while the others are full", () => {
    const name = (r: DeckRow) => (r.kind === "cells" ? r.cells[0]![0] : r.text);
    for (const n of [4, 5, 7, 10, 13]) {
      const rows: DeckRow[] = [{ kind: "band", level: 2, text: "Objectif 1" }, ...Array.from({ length: n }, (_, i) => cells(`FA ${i + 1}`, long(300)))];
      const greedy = paginate(columns, rows);
      const even = paginateEvenly(columns, rows);
      expect(even.length).toBe(greedy.length);
      const counts = even.map((p) => p.filter((r) => r.kind === "cells").length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      for (const page of even) expect(pageHeight(page)).toBeLessThanOrEqual(TABLE_HEIGHT + 1e-9);
      expect(even.flat().filter((r) => r.kind === "cells").map(name)).toEqual(rows.filter((r) => r.kind === "cells").map(name));
      // Each later slide says which objective it continues.
      for (const page of even.slice(1)) expect(name(page[0]!)).toBe("Objectif 1 (suite)");
    }
  });

  it("never ends a slide with an objective band, and repeats the band it continues", () => {
    const band = (text: string): DeckRow => ({ kind: "band", level: 2, text });
    const pages = paginate(columns, [band("Objectif 1"), cells("FA 1", long(500)), cells("FA 2", long(500)), band("Objectif 2"), cells("FA 3", long(500))]);
    for (const page of pages) expect(page[page.length - 1]!.kind).toBe("cells");
    expect(pages[1]![0]).toEqual(expect.objectContaining({ kind: "band" }));
    const firstOfSecond = pages[1]![0] as Extract<DeckRow, { kind: "band" }>;
    expect(["Objectif 1 (suite)", "Objectif 2"]).toContain(firstOfSecond.text);
  });

  it("puts axes whose fiches fit together on one slide, each under its band, and gives a long axis its own slides", () => {
    const tables = of(buildDeck(input()).slides, "table").filter((t) => t.title !== "Arborescence des axes et des objectifs");
    expect(tables.map((t) => t.title)).toEqual(["Axes stratégiques 1 et 2"]);
    expect(tables[0]!.rows.filter((r) => r.kind === "band" && r.level === 1).map((r) => (r.kind === "band" ? r.text : ""))).toEqual(["Axe stratégique 1 — Axe 1", "Axe stratégique 2 — Axe 2"]);
    const many = Array.from({ length: 8 }, (_, i) => row(i + 1, [long(120)]));
    const long1 = buildDeck(input({ table: { axes: [axis(1, [{ code: "1.1", rows: many }]), axis(2, [{ code: "2.1", rows: [row(9)] }])], transversal: [], process: [] } }));
    const titles = of(long1.slides, "table").map((t) => t.title);
    expect(titles.at(-1)).toBe("Axe stratégique 2 — Axe 2");
    expect(titles.filter((t) => t.startsWith("Axe stratégique 1")).length).toBeGreaterThan(1);
  });

  it("titles the continued slides of an axis « (suite) »", () => {
    const many = Array.from({ length: 8 }, (_, i) => row(i + 1, [long(120)]));
    const deck = buildDeck(input({ table: { axes: [axis(1, [{ code: "1.1", rows: many }])], transversal: [], process: [] } }));
    const titles = of(deck.slides, "table").map((s) => s.title).filter((t) => t.startsWith("Axe stratégique"));
    expect(titles.length).toBeGreaterThan(1);
    expect(titles[0]).toBe("Axe stratégique 1 — Axe 1");
    expect(titles.slice(1).every((t) => t === "Axe stratégique 1 — Axe 1 (suite)")).toBe(true);
  });
});

describe("picking fiches", () => {
  it("keeps only the picked fiches, in fiche order, and drops axes and objectives left empty", () => {
    const axes = [axis(1, [{ code: "1.1", rows: [row(2), row(1)] }, { code: "1.2", rows: [row(3)] }]), axis(2, [{ code: "2.1", rows: [row(4)] }])];
    const picked = pickAxes(axes, [3, 2, 1]);
    expect(picked.map((a) => a.number)).toEqual([1]);
    expect(picked[0]!.objectives.map((o) => [o.code, o.rows.map((r) => r.action.number)])).toEqual([
      ["1.1", [1, 2]],
      ["1.2", [3]],
    ]);
    expect(pickAxes(axes, null).flatMap((a) => a.objectives.flatMap((o) => o.rows.map((r) => r.action.number)))).toEqual([1, 2, 3, 4]);
  });

  it("builds table slides only for the axes of the picked fiches", () => {
    const deck = buildDeck(input({ picked: [4] }));
    const tables = of(deck.slides, "table");
    expect(tables.map((t) => t.title)).toEqual(["Arborescence des axes et des objectifs", "Axe stratégique 2 — Axe 2"]);
    expect(tables[1]!.rows.flatMap((r) => (r.kind === "cells" ? [r.cells[0]![0]] : []))).toEqual(["FA 4 : Fiche 4"]);
  });

  it("opens the deployment with the tree of the axes, their objectives and their fiches", () => {
    const axes = [axis(1, [{ code: "1.1", rows: [row(2), row(1)] }, { code: "1.2", rows: [row(3)] }]), axis(2, [{ code: "2.1", rows: [row(4)] }])];
    const tree = of(buildDeck(input({ table: { axes, transversal: [], process: [] } })).slides, "table")[0]!;
    expect(tree.title).toBe("Arborescence des axes et des objectifs");
    expect(tree.rows.map((r) => (r.kind === "band" ? r.text : r.cells.map((c) => c.join(" / ")).join(" | ")))).toEqual([
      "Axe stratégique 1 — Axe 1",
      expect.stringMatching(/^1\.1 — .* \| FA 1 : Fiche 1 \/ FA 2 : Fiche 2$/),
      expect.stringMatching(/^1\.2 — .* \| FA 3 : Fiche 3$/),
      "Axe stratégique 2 — Axe 2",
      expect.stringMatching(/^2\.1 — .* \| FA 4 : Fiche 4$/),
    ]);
  });
});

describe("the tour de table", () => {
  const agenda = [
    { title: "Ouverture et mots des signataires", presenter: "", durationMinutes: 10 },
    { title: "Tour de table : présentation des participants", presenter: "", durationMinutes: 15 },
    { title: "Déploiement", presenter: "", durationMinutes: 60 },
  ];
  const people = [
    { name: "Marie Dupont", organisationName: "Communauté d'agglomération Melun Val de Seine", invited: true, present: true },
    { name: "Karim Benali", organisationName: "CPAM de Seine-et-Marne", invited: true, present: false },
    { name: "", organisationName: "Préfecture de Seine-et-Marne", invited: true, present: true },
    { name: "Julie Martin", organisationName: "Communauté d'agglomération Melun Val de Seine", invited: false, present: true },
    { name: "Paul Henri", organisationName: null, invited: true, present: false },
  ];

  it("names those present once the meeting has taken place, those invited before, one line per organisation", () => {
    expect(roundOfTable(people)).toEqual(["Communauté d'agglomération Melun Val de Seine : Marie Dupont, Julie Martin", "Préfecture de Seine-et-Marne"]);
    expect(roundOfTable(people.map((p) => ({ ...p, present: false })))).toEqual([
      "Communauté d'agglomération Melun Val de Seine : Marie Dupont",
      "CPAM de Seine-et-Marne : Karim Benali",
      "Préfecture de Seine-et-Marne",
      "Autres participants : Paul Henri",
    ]);
    expect(roundOfTable([])).toEqual([]);
  });

  it("gives the tour de table its slide under its agenda item, only when the meeting's agenda has one", () => {
    const deck = buildDeck(input({ meeting: meeting({ agenda }), participants: people }));
    const bullets = of(deck.slides, "bullets");
    expect(bullets[0]).toMatchObject({ section: "II. Tour de table : présentation des participants", title: "Tour de table", items: roundOfTable(people) });
    const plain = of(buildDeck(input({ meeting: meeting(), participants: people })).slides, "bullets");
    expect(plain.map((s) => s.title)).toEqual(["Prochaines étapes"]);
  });
});

describe("the agenda", () => {
  it("is the meeting's agenda when the deck is for a meeting", () => {
    const deck = buildDeck(
      input({ meeting: meeting({ agenda: [{ title: "Ouverture", presenter: "La présidente", durationMinutes: 10 }, { title: "Bilan", presenter: "", durationMinutes: 30 }, { title: "Questions diverses", presenter: "", durationMinutes: null }] }) }),
    );
    expect(of(deck.slides, "agenda")[0]!.items).toEqual([
      { title: "I. Ouverture", detail: "La présidente · 10 min" },
      { title: "II. Bilan", detail: "30 min" },
      // A duration is optional.
      { title: "III. Questions diverses", detail: "" },
    ]);
    expect(deck.slides[0]).toMatchObject({ kind: "title", title: "Comité technique 2021", date: "Le 14 septembre 2021" });
  });

  it("is the seed's four parts without a meeting (or for a meeting without agenda)", () => {
    for (const m of [null, meeting()]) {
      const deck = buildDeck(input({ meeting: m }));
      expect(of(deck.slides, "agenda")[0]!.items.map((i) => i.title)).toEqual(DEFAULT_AGENDA.map((t, i) => `${["I", "II", "III", "IV"][i]}. ${t}`));
    }
    expect(buildDeck(input()).slides[0]).toMatchObject({ title: "Suivi de l'avancement des actions 2021", date: "Le 1er mars 2022" });
  });
});

describe("the opening slide (the seed's « Ouverture par »)", () => {
  it("names who opens the meeting from the presenter of its agenda's opening item, the role with a capital", () => {
    const item = (title: string, presenter: string) => ({ title, presenter });
    expect(openingSpeaker([item("Ouverture et mots des signataires", "Pascale Gomes, conseillère communautaire déléguée au CLS")])).toEqual({
      item: 0,
      speaker: "Pascale Gomes",
      role: "Conseillère communautaire déléguée au CLS",
    });
    expect(openingSpeaker([item("Bilan", "La coordination"), item("Mot d'accueil", "Mme Hélène Marie – directrice de la délégation départementale")])).toEqual({
      item: 1,
      speaker: "Mme Hélène Marie",
      role: "Directrice de la délégation départementale",
    });
    expect(openingSpeaker([item("Mots d’ouverture", "Le maire")])).toEqual({ item: 0, speaker: "Le maire", role: "" });
    // No opening item, an opening nobody is named for, or « ouverture » elsewhere in a title: no slide.
    expect(openingSpeaker([item("Ouverture", "  ")])).toBeNull();
    expect(openingSpeaker([item("Ouverture des échanges entre les participants", "")])).toBeNull();
    expect(openingSpeaker([item("Bilan et ouverture", "La présidente")])).toBeNull();
    expect(openingSpeaker([])).toBeNull();
  });

  it("comes after the title slide, under the agenda item's number, with the meeting's day — only for a meeting with its own agenda", () => {
    const agenda = [
      { title: "Ouverture et mots des signataires", presenter: "Pascale Gomes, conseillère communautaire déléguée au CLS", durationMinutes: 20 },
      { title: "Bilan", presenter: "", durationMinutes: 30 },
    ];
    const deck = buildDeck(input({ meeting: meeting({ agenda }) }));
    expect(deck.slides[1]).toEqual({
      kind: "opening",
      section: "I. Ouverture et mots des signataires",
      title: "Ouverture par",
      speaker: "Pascale Gomes",
      role: "Conseillère communautaire déléguée au CLS",
      authority: deck.slides[0]!.kind === "title" ? deck.slides[0]!.authority : "",
      date: "Le 14 septembre 2021",
    });
    expect(of(buildDeck(input({ meeting: meeting() })).slides, "opening")).toEqual([]);
    expect(of(buildDeck(input()).slides, "opening")).toEqual([]);
  });
});

describe("key dates of the contract", () => {
  it("lists start, signatures, committees held and to come, and end, in date order", () => {
    const meetings = [
      meeting({ id: "copil", title: "Comité de pilotage 2021", bodyKind: "copil", startsAt: new Date("2021-12-07T09:00:00Z") }),
      meeting(),
      meeting({ id: "gt", title: "Groupe de travail", bodyKind: "working_group", startsAt: new Date("2021-09-21T12:00:00Z") }),
      meeting({ id: "old", title: "COPIL annulé", bodyKind: "copil", cancelled: true, startsAt: new Date("2021-03-01T09:00:00Z") }),
    ];
    const dates = keyDates({ ...input(), meetings }, "2021-09-14");
    expect(dates).toEqual([
      { day: "2021-01-01", shown: "01/01/2021", label: "Début du contrat", when: "past" },
      { day: "2021-06-15", shown: "15/06/2021", label: "Signature par les 2 signataires", when: "past" },
      { day: "2021-09-14", shown: "14/09/2021", label: "Comité technique 2021", when: "today" },
      { day: "2021-12-07", shown: "07/12/2021", label: "Comité de pilotage 2021", when: "next" },
      { day: "2023-12-31", shown: "31/12/2023", label: "Fin du contrat", when: "next" },
    ]);
  });

  it("adds the key dates the coordinator recorded, a month shown as a month, in date order", () => {
    const contract = {
      ...input().contract,
      keyDates: [
        { on: "2021-06", label: "Signature par les six partenaires" },
        { on: "2020-11", label: "Présentation au comité de pilotage" },
        { on: "2021-09-20", label: "Lancement de l'appel à participation" },
      ],
    };
    const dates = keyDates({ ...input(), contract, signatories: [], meetings: [] }, "2021-09-14");
    expect(dates.map((d) => [d.shown, d.label, d.when])).toEqual([
      ["11/2020", "Présentation au comité de pilotage", "past"],
      ["01/01/2021", "Début du contrat", "past"],
      ["06/2021", "Signature par les six partenaires", "past"],
      ["20/09/2021", "Lancement de l'appel à participation", "next"],
      ["31/12/2023", "Fin du contrat", "next"],
    ]);
  });

  it("names the next committees in the next steps", () => {
    const copil = meeting({ id: "copil", title: "Comité de pilotage 2021", bodyKind: "copil", startsAt: new Date("2021-12-07T09:00:00Z") });
    const deck = buildDeck(input({ meetings: [meeting(), copil], meeting: meeting() }));
    const steps = of(deck.slides, "bullets")[0]!.items;
    expect(steps).toContain("Comité de pilotage 2021 (COPIL) le 7 décembre 2021 à 10h00 : état d'avancement, modifications et évolutions convenues, nouveau rétroplanning");
  });
});

describe("a fiche's row on a slide", () => {
  const adjustment = (kindLabel: string, description: string, statusLabel: string) => ({ id: "j", kindLabel, description, statusLabel });
  it("asks the committee the proposals, never repeats an adjustment's kind, and says when nothing moved", () => {
    expect(adjustmentLine(adjustment("Fusionner avec la FA 11", "Fusionner avec la FA 11.", "Proposé"))).toBe("Fusionner avec la FA 11 ?");
    expect(adjustmentLine(adjustment("Fusionner avec la FA 11", "", "Proposé"))).toBe("Fusionner avec la FA 11 ?");
    expect(adjustmentLine(adjustment("Autre", "Un comité technique par an semble plus adéquat ?", "Proposé"))).toBe("Un comité technique par an semble plus adéquat ?");
    expect(adjustmentLine(adjustment("Reprogrammer", "Reporter à 2022", "Validé en comité"))).toBe("Reprogrammer : Reporter à 2022 (validé en comité)");
    expect(adjustmentLine(adjustment("Remarque partenaire", "Développer le lien avec la faculté", "Proposé"))).toBe("Remarque partenaire : Développer le lien avec la faculté (proposé)");
  });
});

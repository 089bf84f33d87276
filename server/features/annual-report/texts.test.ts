import { describe, expect, it } from "vitest";
import { buildAnnualReport } from "./build.js";
import { input, meeting } from "./build.fixtures.js";
import { reportDay } from "./governance.js";
import { draftOutlook, draftSynthesis } from "./texts.js";
import type { Block } from "../../documents/model.js";

/** The paragraphs and list items of drafted HTML, as plain text. */
const lines = (html: string) =>
  html
    .split(/<\/(?:p|li)>/)
    .map((s) => s.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').trim())
    .filter(Boolean);

describe("the synthesis Clés drafts from the year's data", () => {
  const synthesis = lines(draftSynthesis(input()));

  it("counts the fiches by their status as of 31 December, in whole sentences", () => {
    expect(synthesis[0]).toBe("Au 31 décembre 2021, les 3 fiches actions du contrat se répartissent ainsi : 1 réalisée, 1 en cours et 1 en retard.");
    expect(lines(draftSynthesis(input({ today: "2021-05-10" })))[0]).toBe("Au 10 mai 2021, les 3 fiches actions du contrat se répartissent ainsi : 1 réalisée et 2 en cours.");
    const allDone = input({ fiches: input().fiches.map((f) => ({ ...f, status: "done" as const })) });
    expect(lines(draftSynthesis(allDone))[0]).toBe("Au 31 décembre 2021, les 3 fiches actions du contrat sont toutes réalisées.");
    expect(lines(draftSynthesis(input({ fiches: [] })))[0]).toBe("Au 31 décembre 2021, le contrat ne compte encore aucune fiche action.");
  });

  it("says how many steps were done against those planned, which remain, and how many fiches moved", () => {
    expect(synthesis[1]).toBe(
      "1 étape a été réalisée en 2021, pour 2 étapes prévues dans l'année. Au 31 décembre 2021, 1 étape prévue en 2021 reste à réaliser. 2 fiches sur 3 ont avancé dans l'année (une étape réalisée ou un point d'avancement enregistré).",
    );
    const undone = input({ milestones: input().milestones.map((m) => ({ ...m, doneOn: null })) });
    expect(lines(draftSynthesis(undone))[1]).toMatch(/^Aucune étape n'a été réalisée en 2021, pour 2 étapes prévues dans l'année\. Au 31 décembre 2021, 2 étapes prévues en 2021 restent à réaliser\. 1 fiche sur 3 a avancé/);
    expect(lines(draftSynthesis(input({ milestones: [], progress: [] })))[1]).toBe("Aucune étape n'était prévue ni réalisée en 2021. Aucune des 3 fiches n'a avancé dans l'année (ni étape réalisée ni point d'avancement enregistré).");
  });

  it("tells the meetings of the governance bodies against their rhythm, leaving residents' meetings to participation", () => {
    expect(synthesis[2]).toBe(
      "Hors participation des habitants, les instances du contrat se sont réunies 3 fois (Comité de pilotage (COPIL) : 1 réunion pour 2 attendues ; Comité technique (COTECH) : 2 réunions pour 2 attendues). Le rythme prévu n'a pas été tenu pour l'instance « Comité de pilotage (COPIL) ».",
    );
    expect(lines(draftSynthesis(input({ meetings: [] })))[2]).toBe("Aucune instance du contrat ne s'est réunie en 2021.");
    const noResidents = input({ meetings: input().meetings.filter((m) => m.bodyId === "cotech") });
    expect(lines(draftSynthesis(noResidents))[2]).toBe(
      "Les instances du contrat se sont réunies 2 fois (Comité technique (COTECH) : 2 réunions pour 2 attendues). Le rythme prévu n'a pas été tenu pour l'instance « Comité de pilotage (COPIL) ».",
    );
  });

  it("counts the indicators measured by the year's end and those that reached their target", () => {
    expect(synthesis[3]).toBe("1 indicateur sur 2 a été mesuré au 31 décembre 2021.");
    const reached = input({ measurements: [{ indicatorId: "i1", measuredOn: "2021-11-01", value: 4 }, { indicatorId: "i2", measuredOn: "2021-11-01", value: 12 }] });
    expect(lines(draftSynthesis(reached))[3]).toBe("2 indicateurs sur 2 ont été mesurés au 31 décembre 2021 ; 1 a atteint sa cible.");
    expect(lines(draftSynthesis(input({ measurements: [] })))[3]).toBe("Aucun des 2 indicateurs définis n'a encore été mesuré au 31 décembre 2021.");
  });

  it("counts residents' meetings and people, never the professionals' working group, and the reviews shared", () => {
    expect(synthesis[4]).toBe("La participation des habitants a compté 3 rencontres, qui ont réuni 35 personnes (hors rencontres dont les participants n'ont pas été comptés). 1 revue trimestrielle a été diffusée aux acteurs du contrat.");
    const onlyGroup = input({ meetings: [meeting("g1", "gt", "2021-09-21", { headCount: 4 })], publications: [] });
    expect(lines(draftSynthesis(onlyGroup)).at(-1)).toBe("Aucune rencontre avec les habitants n'a été tenue en 2021. Aucune revue trimestrielle n'a été diffusée en 2021.");
  });
});

describe("the outlook Clés drafts for the next year", () => {
  it("lists the steps to take up again, the next year's steps, and asks for the meetings the rhythm expects", () => {
    expect(lines(draftOutlook(input()))).toEqual([
      "1 étape prévue en 2021 est à reprendre :",
      "FA 2 : « Étape en retard » (3e trimestre 2021)",
      "En 2022, 1 étape est prévue :",
      "FA 2 : « Étape 2022 » (2e trimestre 2022)",
      "Aucune réunion des instances n'est encore programmée en 2022 ; le rythme prévu en demande 4.",
    ]);
  });

  it("lists the meetings already planned, cuts long lists with a count, and announces the contract's end", () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ actionId: "f5", title: `Session ${i + 1}`, plannedBy: `2022-${String(i + 1).padStart(2, "0")}-28`, originallyBy: "2022-12-31", doneOn: null }));
    const report = input({
      contract: { name: "CLS de Test", startDate: "2021-01-01", endDate: "2022-06-30" },
      milestones: many,
      meetings: [meeting("n1", "copil", "2022-03-15", { title: "COPIL de mars" }), meeting("n2", "cotech", "2022-09-15", { title: "Après la fin" }), meeting("n3", "hab", "2022-02-01", { title: "Atelier" })],
    });
    const outlook = lines(draftOutlook(report));
    expect(outlook[0]).toBe("En 2022, 10 étapes sont prévues :");
    const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"];
    // Each as precise as its date: the 28th is a day, but 28 February ends its month.
    expect(outlook.slice(1, 10)).toEqual([...many.slice(0, 8).map((m, i) => `FA 5 : « ${m.title} » (${i === 1 ? "février 2022" : `28 ${months[i]} 2022`})`), "et 2 autres étapes"]);
    expect(outlook.slice(10)).toEqual([
      "Réunions des instances déjà programmées en 2022 :",
      "COPIL de mars le 15 mars 2022",
      "Le contrat arrive à échéance le 30 juin 2022 : son évaluation finale sera à conduire et à présenter au Comité de pilotage.",
    ]);
  });

  it("in the contract's last year, says it ends and points to its evaluation", () => {
    const last = input({ year: 2023, today: "2023-10-01" });
    expect(reportDay(last)).toBe("2023-10-01");
    expect(lines(draftOutlook(last))).toEqual(["Le contrat prend fin le 31 décembre 2023. Son évaluation finale, présentée au Comité de pilotage, dira ce qu'il a permis et ce qu'un prochain contrat devrait reprendre."]);
    expect(lines(draftOutlook({ ...last, today: "2024-01-10" }))[0]).toMatch(/^Le contrat a pris fin le 31 décembre 2023\./);
  });

  it("escapes what people typed", () => {
    const html = draftOutlook(input({ milestones: [{ actionId: "f2", title: "Réunion <b>ARS</b> & CPAM", plannedBy: "2022-03-31", originallyBy: "2022-03-31", doneOn: null }] }));
    expect(html).toContain("« Réunion &lt;b&gt;ARS&lt;/b&gt; &amp; CPAM »");
  });
});

describe("the synthesis and outlook in the report", () => {
  const text = (blocks: Block[]) => blocks.map((b) => (b.type === "paragraph" ? b.runs.map((r) => ("text" in r ? r.text : "")).join("") : b.type === "heading" ? `# ${b.text}` : b.type === "list" ? "- list" : `[${b.type}]`));

  it("shows Clés's draft, said to be one, until the coordination publishes its own", () => {
    const model = buildAnnualReport(input());
    expect(text(model.blocks.slice(0, 3))).toEqual(["# Synthèse de l'année", "Texte proposé par Clés à partir des données du contrat ; la coordination ne l'a pas encore publié.", lines(draftSynthesis(input()))[0]]);
    const outlook = model.blocks.findIndex((b) => b.type === "heading" && b.text === "Perspectives 2022");
    expect(outlook).toBe(model.blocks.length - 7);
    expect(text(model.blocks.slice(outlook + 1, outlook + 4))).toEqual(["Texte proposé par Clés à partir des données du contrat ; la coordination ne l'a pas encore publié.", "1 étape prévue en 2021 est à reprendre :", "- list"]);
  });

  it("shows the published texts as written, and a draft marked as such", () => {
    const published = buildAnnualReport(input({ texts: { status: "published", synthesis: "<p>Une année de <strong>mise en route</strong>.</p>", outlook: "" } }));
    expect(text(published.blocks.slice(0, 2))).toEqual(["# Synthèse de l'année", "Une année de mise en route."]);
    expect(text(published.blocks.slice(-2))).toEqual(["# Perspectives 2022", "Cette partie n'a pas été rédigée."]);
    const draft = buildAnnualReport(input({ texts: { status: "draft", synthesis: "<p>Brouillon.</p>", outlook: "<ul><li>Relancer la CPAM</li></ul>" } }));
    expect(text(draft.blocks.slice(0, 3))).toEqual(["# Synthèse de l'année", "Projet de la coordination, non publié.", "Brouillon."]);
    expect(text(draft.blocks.slice(-3))).toEqual(["# Perspectives 2022", "Projet de la coordination, non publié.", "- list"]);
  });
});

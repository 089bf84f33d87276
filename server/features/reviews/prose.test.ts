import { describe, expect, it } from "vitest";
import { ficheProse, type FicheQuarter } from "./fiche-prose.js";
import { distinctSteps, duringMeeting, joinAnd, participantsByKind, quarterName, sameStep, sentence, onDays } from "./prose.js";

const text = (html: string) => html.replace(/<\/(p|li)>/g, "\n").replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').trim();

describe("French prose helpers", () => {
  it("names quarters, joins lists and makes sentences", () => {
    expect(quarterName("2021-09-30")).toBe("3e trimestre 2021");
    expect(quarterName("2022-02-01")).toBe("1er trimestre 2022");
    expect(joinAnd([])).toBe("");
    expect(joinAnd(["a"])).toBe("a");
    expect(joinAnd(["a", "b"])).toBe("a et b");
    expect(joinAnd(["a", "b", "c"])).toBe("a, b et c");
    expect(sentence("  une rencontre a eu lieu ")).toBe("Une rencontre a eu lieu.");
    expect(sentence("Déjà fini.")).toBe("Déjà fini.");
    expect(sentence("Une question ?")).toBe("Une question ?");
    expect(sentence("Liste ;")).toBe("Liste.");
    expect(sentence("Les thèmes :")).toBe("Les thèmes.");
    expect(sentence("")).toBe("");
  });

  it("says « lors de » a meeting with the article its kind takes", () => {
    expect(duringMeeting("Réunion publique de la CPTS")).toBe("lors de la réunion publique de la CPTS");
    expect(duringMeeting("Groupe de travail « Séniors »")).toBe("lors du groupe de travail « Séniors »");
    expect(duringMeeting("Atelier des habitants")).toBe("lors de l'atelier des habitants");
    expect(duringMeeting("Bilan de l'action")).toBe("lors de la réunion « Bilan de l'action »");
  });

  it("says a step once, whatever its wording", () => {
    expect(sameStep("Réunion avec la CPAM", "réunion avec la CPAM.")).toBe(true);
    expect(sameStep("Réunion avec la CPAM", "Réunion avec la CPAM en octobre")).toBe(true);
    expect(sameStep("Bilan en cours", "Bilan des Rencontres de la Santé")).toBe(true);
    // The same CPAM meeting in three wordings (FA 5 of the CAMVS, Q3 2021).
    expect(sameStep("Rencontre avec la CPAM sur le bilan annuel de la MAS", "Rencontre avec la CPAM autour du bilan annuel du déploiement de la MAS sur le territoire de la CAMVS : quel appui de la collectivité ?")).toBe(true);
    expect(sameStep("Rencontre avec la CPAM sur le bilan annuel de la MAS", "Rencontre prévue avant le COPIL du CLS (12/2021)")).toBe(true);
    expect(sameStep("Réponse aux sollicitations des porteurs de projet", "Rencontrer les porteurs du projet au 4e trimestre 2021")).toBe(false);
    expect(sameStep("Bilan des Rencontres", "Bilan financier de l'année")).toBe(false);
    expect(sameStep("Réunion avec la CPAM", "Réunion avec l'ARS")).toBe(false);
    expect(distinctSteps(["Réunion avec la CPAM", "Réunion avec la CPAM", "Réunion avec la CPAM en octobre", "Guide"], ["guide"])).toEqual(["Réunion avec la CPAM"]);
  });
});

describe("a committee's participants by kind", () => {
  it("names them as the seed does: signatories first, then communes, CCAS, health centres, others", () => {
    const present = ["ARS 77", "CAMVS", "Mairie de Dammarie-les-Lys", "CCAS de Melun", "Maison de santé pluriprofessionnelle du Mée", "Ligue contre le cancer", "Ville de Melun"];
    expect(participantsByKind(present, ["ARS 77", "CAMVS"])).toBe("représentants des signataires, référents des communes, CCAS, maisons et centres de santé et autres partenaires du CLS");
    expect(participantsByKind(["Association Solipam", "CPTS Melun Val de Seine"], [])).toBe("maisons et centres de santé et associations");
    expect(participantsByKind(["Un partenaire"], [])).toBe("partenaires du CLS");
    expect(participantsByKind([], ["ARS 77"])).toBe("");
  });
});

const empty: FicheQuarter = { progress: [], meetings: [], decisions: [], done: [], overdue: [], upcoming: [], measurements: [], adjustments: [], remaining: [] };

describe("a fiche's section in prose", () => {
  it("writes the progress entries' own text as sentences", () => {
    const html = ficheProse({
      ...empty,
      progress: [
        { text: "Une réunion publique a eu lieu le 28 septembre 2021", meeting: null },
        { text: "le guide est en phase de finalisation", meeting: null },
      ],
    });
    expect(text(html)).toBe("Une réunion publique a eu lieu le 28 septembre 2021.\nLe guide est en phase de finalisation.");
    expect(html).not.toMatch(/Lors de la réunion|Étapes réalisées|Indicateurs mesurés/);
  });

  it("names the fiche's own meeting a progress came from", () => {
    const html = ficheProse({ ...empty, progress: [{ text: "Trois tablées sont prévues.", meeting: { title: "Groupe de travail", day: "2021-09-21" } }] });
    expect(text(html)).toBe("Lors du groupe de travail du 21 septembre 2021 : Trois tablées sont prévues.");
  });

  it("tells the fiche's meetings no entry told", () => {
    expect(text(ficheProse({ ...empty, meetings: [{ title: "Réunion publique de la CPTS", day: "2021-09-28", count: 40 }] }))).toBe("« Réunion publique de la CPTS » a eu lieu le 28 septembre 2021 et a réuni 40 participants.");
    expect(text(ficheProse({ ...empty, meetings: [{ title: "Groupe de travail", day: "2021-09-21", count: null }] }))).toBe("« Groupe de travail » a eu lieu le 21 septembre 2021.");
  });

  it("tells steps done and steps of the quarter not done, in agreement", () => {
    const one = text(ficheProse({ ...empty, done: [{ title: "Lancer l'appel", doneOn: "2021-07-15" }], overdue: [{ title: "Rencontre avec le PAT Rivage", plannedBy: "2021-09-30" }] }));
    expect(one).toContain("L'étape « Lancer l'appel » a été réalisée le 15 juillet 2021.");
    expect(one).toContain("L'étape « Rencontre avec le PAT Rivage », prévue au 3e trimestre 2021, n'a pas encore été réalisée.");
    const two = text(ficheProse({ ...empty, overdue: [{ title: "A", plannedBy: "2021-07-31" }, { title: "B", plannedBy: "2021-09-30" }] }));
    expect(two).toBe("Les étapes « A » et « B », prévues au 3e trimestre 2021, n'ont pas encore été réalisées.");
  });

  it("gives the latest value of each indicator, and leaves out a 0 that only means not yet measured", () => {
    const html = text(
      ficheProse({
        ...empty,
        measurements: [
          { indicator: "Répondants", unit: "personnes", target: 30, value: 12, measuredOn: "2021-07-01" },
          { indicator: "Répondants", unit: "personnes", target: 30, value: 17, measuredOn: "2021-09-01" },
          { indicator: "Réunions d'information", unit: "", target: 4, value: 0, measuredOn: "2021-08-24" },
        ],
      }),
    );
    expect(html).toBe("L'indicateur « Répondants » s'établit à 17 personnes au 01/09/2021, pour une cible de 30 personnes.");
  });

  it("says each next step once, and none already done, late or decided", () => {
    const html = text(
      ficheProse({
        ...empty,
        decisions: ["Proposer des réunions aux élus"],
        upcoming: [
          { title: "Réunion avec la CPAM", plannedBy: "2021-11-15" },
          { title: "Réunion avec la CPAM", plannedBy: "2021-12-15" },
        ],
        remaining: ["Réunion avec la CPAM en novembre", "Proposer des réunions aux élus", "Bilan en cours"],
      }),
    );
    expect(html).toBe("Décision prise : Proposer des réunions aux élus.\nProchaines étapes :\n« Réunion avec la CPAM » (4e trimestre 2021)\nBilan en cours");
    expect(text(ficheProse({ ...empty, upcoming: [{ title: "Diffuser le guide", plannedBy: "2022-01-31" }] }))).toBe("Prochaine étape : « Diffuser le guide », prévue au 1er trimestre 2022.");
  });

  it("phrases adjustments by their state", () => {
    const html = text(
      ficheProse({
        ...empty,
        adjustments: [
          { kind: "merge", description: "", status: "proposed", agreedOn: null, doneOn: null, targetNumber: 11 },
          { kind: "reschedule", description: "Reporter l'action à 2022.", status: "agreed", agreedOn: "2021-09-14", doneOn: null, targetNumber: null },
        ],
      }),
    );
    expect(html).toBe(
      "Il est proposé de fusionner cette fiche avec la FA 11 ; la proposition sera soumise au comité. Reprogrammation de la fiche validée en comité le 14 septembre 2021 : Reporter l'action à 2022.",
    );
  });

  it("writes nothing for a fiche without news", () => {
    expect(ficheProse(empty)).toBe("");
  });
});

describe("several days in words", () => {
  it("say the month and the year once, and « le » for one day", () => {
    expect(onDays(["2021-11-18", "2021-11-04"])).toBe("les 4 et 18 novembre 2021");
    expect(onDays(["2021-11-04"])).toBe("le 4 novembre 2021");
    expect(onDays(["2021-10-28", "2021-11-04", "2021-11-18"])).toBe("les 28 octobre, 4 et 18 novembre 2021");
    expect(onDays(["2021-12-30", "2022-01-01"])).toBe("les 30 décembre 2021 et 1er janvier 2022");
  });
});

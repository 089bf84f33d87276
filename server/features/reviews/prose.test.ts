import { describe, expect, it } from "vitest";
import { ficheProse, type FicheQuarter } from "./fiche-prose.js";
import { distinctSteps, duringMeeting, joinAnd, lowerFirst, participantsByKind, plannedWhen, quarterName, sameStep, saysNothing, sentence, startsWithInfinitive, onDays } from "./prose.js";
import { splitMinutes } from "./html-text.js";

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

  it("says when a step is planned as precisely as its date: a day, a month, a quarter or by the year's end", () => {
    expect(plannedWhen("2021-11-25")).toEqual({ at: "le 25 novembre 2021", label: "25 novembre 2021" });
    expect(plannedWhen("2021-10-31")).toEqual({ at: "en octobre 2021", label: "octobre 2021" });
    expect(plannedWhen("2021-12-31")).toEqual({ at: "d'ici la fin de l'année 2021", label: "d'ici fin 2021" });
    expect(plannedWhen("2022-06-30")).toEqual({ at: "au 2e trimestre 2022", label: "2e trimestre 2022" });
    expect(plannedWhen("2022-02-28")).toEqual({ at: "en février 2022", label: "février 2022" });
    expect(plannedWhen("2024-02-28").at).toBe("le 28 février 2024");
  });

  it("lowers a first letter after a colon but not an acronym, and tells decisions to act", () => {
    expect(lowerFirst("Reporter l'action")).toBe("reporter l'action");
    expect(lowerFirst("ARS et CPAM")).toBe("ARS et CPAM");
    expect(lowerFirst("À revoir")).toBe("à revoir");
    for (const d of ["Construire le projet", "Mettre à jour la fiche", "Proposer des réunions", "Réunir les CCAS", "Prévoir un atelier"]) expect(startsWithInfinitive(d), d).toBe(true);
    for (const d of ["Atelier reporté", "Calendrier validé", "Rencontre en octobre", "Lettre aux élus", "Centre de santé", "ARS informée"]) expect(startsWithInfinitive(d), d).toBe(false);
  });

  it("knows work items that only say work goes on", () => {
    for (const t of ["Atteindre les objectifs de la fiche action", "Déploiement des actions", "Poursuivre l'appui des actions en cours et à venir des partenaires"]) expect(saysNothing(t), t).toBe(true);
    for (const t of ["Poursuite des rencontres de concertation", "Mise à jour du guide", ""]) expect(saysNothing(t), t).toBe(false);
  });

  it("splits minutes where their opening paragraphs end", () => {
    expect(splitMinutes("<p>Le comité a réuni 14 participants.</p><p></p><p>Il a permis de présenter l'avancement.</p><h3>Orientations</h3><ul><li>A</li></ul>")).toEqual({
      lead: ["<p>Le comité a réuni 14 participants.</p>", "<p>Il a permis de présenter l'avancement.</p>"],
      rest: "<h3>Orientations</h3><ul><li>A</li></ul>",
    });
    expect(splitMinutes("<ul><li>A</li></ul>")).toEqual({ lead: [], rest: "<ul><li>A</li></ul>" });
    expect(splitMinutes("")).toEqual({ lead: [], rest: "" });
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
    expect(text(html)).toBe("Lors du groupe de travail du 21 septembre 2021 : trois tablées sont prévues.");
    // The text dates itself: the meeting is not named again; it names its kind of meeting: dated first.
    expect(text(ficheProse({ ...empty, progress: [{ text: "Salle prêtée pour la réunion du 28/09/2021.", meeting: { title: "Réunion publique", day: "2021-09-28" } }] }))).toBe("Salle prêtée pour la réunion du 28/09/2021.");
    expect(text(ficheProse({ ...empty, progress: [{ text: "Rencontre avec la CPAM : il en ressort un besoin.", meeting: { title: "Rencontre avec la CPAM 77", day: "2021-08-24" } }] }))).toBe(
      "Le 24 août 2021, rencontre avec la CPAM : il en ressort un besoin.",
    );
    // A text that gives only the month (the review's « en août ») is kept as written: the day is not added.
    expect(text(ficheProse({ ...empty, progress: [{ text: "Une rencontre a eu lieu avec la CPAM en août.", meeting: { title: "Rencontre avec la CPAM 77", day: "2021-08-24" } }] }))).toBe(
      "Une rencontre a eu lieu avec la CPAM en août.",
    );
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
    expect(html).toBe("Prochaines étapes :\nProposer des réunions aux élus\n« Réunion avec la CPAM » (15 novembre 2021)\nBilan en cours");
    expect(text(ficheProse({ ...empty, upcoming: [{ title: "Diffuser le guide", plannedBy: "2022-01-31" }] }))).toBe("Prochaine étape : « Diffuser le guide », prévue en janvier 2022.");
    expect(text(ficheProse({ ...empty, upcoming: [{ title: "Diffuser le guide", plannedBy: "2022-03-31" }] }))).toBe("Prochaine étape : « Diffuser le guide », prévue au 1er trimestre 2022.");
    // Neither what the progress already told nor work that only says work goes on.
    const told = ficheProse({
      ...empty,
      progress: [{ text: "Planning du projet et guide des entretiens en cours de préparation.", meeting: null }],
      upcoming: [{ title: "Planning du projet et guide des entretiens", plannedBy: "2021-12-31" }],
      remaining: ["Atteindre les objectifs de la fiche action", "Déploiement des actions", "Poursuite des rencontres de concertation"],
    });
    expect(text(told)).toBe("Planning du projet et guide des entretiens en cours de préparation.\nProchaine étape : poursuite des rencontres de concertation.");
  });

  it("says decisions to act as what comes next (« Prochaine étape : construire… »), others as « Décision prise : … »", () => {
    expect(text(ficheProse({ ...empty, decisions: ["Construire le projet de santé de la CPTS"] }))).toBe("Prochaine étape : construire le projet de santé de la CPTS.");
    expect(text(ficheProse({ ...empty, decisions: ["ARS et CPAM à réunir en octobre"] }))).toBe("Décision prise : ARS et CPAM à réunir en octobre.");
    expect(text(ficheProse({ ...empty, decisions: ["Mettre à jour la fiche", "Organiser des réunions d'information"] }))).toBe("Prochaines étapes :\nMettre à jour la fiche\nOrganiser des réunions d'information");
    expect(text(ficheProse({ ...empty, decisions: ["Atelier reporté au printemps"] }))).toBe("Décision prise : atelier reporté au printemps.");
    const stated = ficheProse({
      ...empty,
      progress: [{ text: "Rencontre avec la CPAM : il en ressort la nécessité de mettre à jour la fiche en termes de description et d'objectifs.", meeting: null }],
      decisions: ["Mettre à jour la fiche action 5 (description et objectifs)", "Proposer des réunions d'information aux élus au 1er trimestre 2022"],
    });
    expect(text(stated)).toBe("Rencontre avec la CPAM : il en ressort la nécessité de mettre à jour la fiche en termes de description et d'objectifs.\nProchaine étape : proposer des réunions d'information aux élus au 1er trimestre 2022.");
  });

  it("phrases adjustments by their state", () => {
    const html = text(
      ficheProse({
        ...empty,
        adjustments: [
          { kind: "merge", description: "", status: "proposed", agreedOn: null, doneOn: null, targetNumber: 11 },
          { kind: "reschedule", description: "Reporter l'action à 2022.", status: "agreed", agreedOn: "2021-09-14", doneOn: null, targetNumber: null },
          // Said by the committee's section.
          { kind: "partner_remark", description: "Développer le lien avec la faculté", status: "agreed", agreedOn: "2021-09-14", doneOn: null, targetNumber: null },
        ],
      }),
    );
    expect(html).toBe(
      "Il est proposé de fusionner cette fiche avec la FA 11 ; la proposition sera soumise au comité. Reprogrammation de la fiche validée en comité le 14 septembre 2021 : reporter l'action à 2022.",
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

/**
 * The demo contracts say what their seed documents say (issue 18), checked against their own
 * text so that the demo does not drift into invented facts again:
 * - CAMVS, nothing more than its Q3 2021 review (data/camvs/seed-review.txt): counts, days,
 *   places and names;
 * - CAPVM, its contract's governance and fiches as the contract (data/capvm/seed-contract.txt)
 *   sets them: thematic committees, the COPIL's members, the FA 9 group, objectives and leads.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { longDay, longMonth, monthName, shortDay } from "../domain/dates.js";
import { DEMO_ACCOUNTS } from "./accounts.js";
import { demoFollowUp } from "./follow-up.js";
import { demoDocument } from "./load.js";

// The seeds are text taken out of PDFs: curly apostrophes, « l 'accès », words broken over lines.
const flat = (text: string) => text.replace(/[’']/g, "'").replace(/ '/g, "'").replace(/\s+/g, " ").toLocaleUpperCase("fr-FR");
const seedText = (path: string) => flat(readFileSync(new URL(path, import.meta.url), "utf8"));
const seed = seedText("./data/camvs/seed-review.txt");
const said = (phrase: string) => seed.includes(flat(phrase));
const data = demoFollowUp("camvs");
const demoPeople = new Set(DEMO_ACCOUNTS.map((a) => a.name));

/** « 14/09/2021 », « 14 septembre 2021 » or, the year being the review's, « 14 septembre ». */
const dayIsSaid = (day: string) => said(shortDay(day)) || said(longDay(day)) || said(longDay(day).replace(/ \d{4}$/, ""));
const dayOf = (at: string) => at.slice(0, 10);
/** A month as the review writes it: « juin 2021 », « GT (03/2021) », or « en août » (the year being the review's). */
const monthIsSaid = (day: string) => said(longMonth(day.slice(0, 7))) || said(`(${day.slice(5, 7)}/${day.slice(0, 4)})`) || (day.startsWith("2021-") && said(`en ${monthName(day)}`));
const plainText = (html: string) => html.replace(/<[^>]+>/g, " ");
/** « 17 personnes », « 18 participants », « 17 répondants »: the people a text counts. */
const countsIn = (text: string) => [...text.matchAll(/(\d+) (participants|personnes|répondants)/g)].map((m) => Number(m[1]));
const countIsSaid = (n: number) => said(`${n} participants`) || said(`${n} personnes`);

describe("the CAMVS demo against its Q3 2021 review", () => {
  it("gives a meeting's head count only when the review does (« plusieurs dizaines » stays unknown)", () => {
    const counted = data.meetings.filter((m) => m.headCount !== null);
    expect(counted.map((m) => m.key)).toEqual(["cotech-2021"]);
    for (const m of counted) expect(said(`réuni ${m.headCount} participants`), m.title).toBe(true);
    expect(data.meetings.find((m) => m.key === "cpts-publique")).toMatchObject({ headCount: null });
    // 17 is the number of the survey's respondents, not of the Rencontres de la Santé's participants.
    expect(data.meetings.find((m) => m.key === "sante-2021")).toMatchObject({ headCount: null });
  });

  it("counts people in its texts as the review does", () => {
    const texts = [
      ...data.meetings.map((m) => plainText(m.minutes)),
      ...Object.values(data.actions).flatMap((a) => [...a.progress.map((p) => p.text), ...a.measurements.map((m) => m.comment)]),
    ];
    const counts = texts.flatMap(countsIn);
    expect(counts).toEqual(expect.arrayContaining([14, 17, 18, 11]));
    for (const n of counts) expect(countIsSaid(n), `${n} personnes`).toBe(true);
  });

  it("lists no one at a meeting the review names no one for, and only people the review names", () => {
    expect(data.meetings.find((m) => m.key === "gt-habitants-1")!.participants).toEqual([]);
    for (const m of data.meetings)
      for (const p of m.participants) {
        // The demo's own accounts and illustrative residents are the demo's people.
        if (!p.name || demoPeople.has(p.name) || p.name.includes("illustratif")) continue;
        expect(said(p.name), `${p.name} (${m.title})`).toBe(true);
      }
  });

  it("dates a meeting on a day the review gives, or says the day is illustrative", () => {
    for (const m of data.meetings) expect(dayIsSaid(dayOf(m.startsAt)) || m.title.includes("jour illustratif"), m.title).toBe(true);
    // « en août »: the month is the review's, the day is not.
    const cpam = data.meetings.find((m) => m.key === "rencontre-cpam")!;
    expect(said(`en ${monthName(dayOf(cpam.startsAt))}`)).toBe(true);
  });

  it("places a meeting where the review does, or nowhere", () => {
    for (const m of data.meetings) if (m.place) expect(m.place.split(/, /).every(said), `${m.title}: ${m.place}`).toBe(true);
    expect(data.meetings.find((m) => m.key === "cpts-publique")!.place).toBe("Espace Saint-Jean, Melun");
  });

  it("marks a step done on a day the review gives, in a month it gives (month precision, no day), or at the end of its planned period", () => {
    for (const [n, a] of Object.entries(data.actions))
      for (const m of a.milestones.filter((m) => m.doneOn)) {
        if (m.doneOnPrecision === "month") expect(m.doneOn!.endsWith("-01") && monthIsSaid(m.doneOn!), `FA ${n} « ${m.title} »`).toBe(true);
        else expect(dayIsSaid(m.doneOn!) || m.doneOn === m.plannedBy, `FA ${n} « ${m.title} »`).toBe(true);
      }
  });

  it("dates a progress entry on a day the review gives, on its meeting's day, or says the date is illustrative", () => {
    for (const [n, a] of Object.entries(data.actions))
      for (const p of a.progress.filter((p) => p.happenedOnPrecision !== "month")) {
        const meeting = p.meeting ? data.meetings.find((m) => m.key === p.meeting) : undefined;
        const ok = dayIsSaid(p.happenedOn) || (meeting && dayOf(meeting.startsAt) === p.happenedOn) || p.text.endsWith("(date illustrative)");
        expect(ok, `FA ${n} ${p.happenedOn} « ${p.text} »`).toBe(true);
      }
  });

  it("keeps by their month, with no day, the dates the review gives only by their month", () => {
    const months = (n: string) => [
      ...data.actions[n]!.milestones.filter((m) => m.doneOnPrecision === "month").map((m) => `étape ${m.doneOn}`),
      ...data.actions[n]!.progress.filter((p) => p.happenedOnPrecision === "month").map((p) => `avancement ${p.happenedOn}`),
    ];
    // « délibération du Conseil Communautaire de juin 2021 » (the bourse, FA 3), « en août » (the CPAM, FA 5), « GT (03/2021) » (FA 9), « GT (06/2021) » (FA 10).
    expect(said("Conseil Communautaire de juin 2021")).toBe(true);
    expect(months("3")).toEqual(["étape 2021-06-01", "avancement 2021-06-01"]);
    expect(said("Primaire d'Assurance Maladie 77 en août")).toBe(true);
    expect(months("5")).toEqual(["avancement 2021-08-01"]);
    expect(data.actions["5"]!.progress.find((p) => p.meeting === "rencontre-cpam")).toMatchObject({ happenedOn: "2021-08-01", happenedOnPrecision: "month" });
    for (const [n, month] of [["9", "03"], ["10", "06"]] as const) {
      expect(said(`GT (${month}/2021)`)).toBe(true);
      expect(months(n)).toEqual([`étape 2021-${month}-01`, `avancement 2021-${month}-01`]);
    }
    // Nowhere else a month only, and each is the 1st of a month the review names.
    expect(Object.entries(data.actions).filter(([n]) => months(n).length).map(([n]) => n)).toEqual(["3", "5", "9", "10"]);
    for (const a of Object.values(data.actions))
      for (const d of [...a.milestones.filter((m) => m.doneOnPrecision === "month").map((m) => m.doneOn!), ...a.progress.filter((p) => p.happenedOnPrecision === "month").map((p) => p.happenedOn)]) {
        expect(d.endsWith("-01")).toBe(true);
        expect(monthIsSaid(d), d).toBe(true);
        // The 1st stands for the month: the review never gives that day.
        expect(dayIsSaid(d), d).toBe(false);
      }
  });

  it("dates the quarter's progress on a day the review gives, or by the month it gives (month precision)", () => {
    for (const [n, a] of Object.entries(data.actions))
      for (const p of a.progress.filter((p) => p.happenedOn >= "2021-07-01" && p.happenedOn <= "2021-09-30")) {
        const month = monthName(p.happenedOn);
        const byMonth = p.happenedOnPrecision === "month" && p.text.includes(`en ${month}`) && said(`en ${month}`);
        expect(dayIsSaid(p.happenedOn) || byMonth, `FA ${n}: ${p.text.slice(0, 60)}`).toBe(true);
      }
  });

  it("keeps the review's dated events with their day (FA 15) and its working groups by their month (FA 9, FA 10)", () => {
    const titles = data.actions["15"]!.milestones.map((m) => m.title);
    for (const d of ["15/06/2021", "03/11/2021", "01/12/2021"]) {
      expect(said(d)).toBe(true);
      expect(titles.some((t) => t.includes(d))).toBe(true);
    }
    for (const [n, month] of [["9", "03/2021"], ["10", "06/2021"]] as const) {
      expect(said(`GT (${month})`)).toBe(true);
      expect(data.actions[n]!.progress.some((p) => p.text.includes(`(${month})`))).toBe(true);
    }
  });

  it("measures nothing the review does not (no 0 that only means not yet measured)", () => {
    const measured = Object.values(data.actions).flatMap((a) => a.measurements);
    for (const m of measured) {
      expect(m.value).not.toBe(0);
      expect(countIsSaid(m.value), `${m.value} (${m.source})`).toBe(true);
    }
  });

  it("proposes merging FA 7 with FA 11 on both fiches, and plans FA 4's meeting with the CPTS's leaders in the 3rd quarter", () => {
    expect(said("la fusionner avec la FA 11")).toBe(true);
    expect(said("la fusionner avec la FA 7")).toBe(true);
    expect(data.actions["7"]!.adjustments).toContainEqual(expect.objectContaining({ kind: "merge", target: 11, status: "proposed" }));
    expect(data.actions["11"]!.adjustments).toContainEqual(expect.objectContaining({ kind: "merge", target: 7, status: "proposed" }));
    expect(said("Une réunion est prévue avec les porteurs de projets durant le 3ème trimestre 2021")).toBe(true);
    expect(data.actions["4"]!.milestones).toContainEqual(expect.objectContaining({ title: "Réunion avec les porteurs du projet", plannedBy: "2021-09-30" }));
  });
});

describe("the CAPVM demo against its contract", () => {
  const contract = seedText("./data/capvm/seed-contract.txt");
  const inContract = (phrase: string) => contract.includes(flat(phrase));
  const followUp = demoFollowUp("capvm");
  const document = demoDocument("capvm");
  const fiche = (n: number) => document.contract.actions.find((a) => a.number === n)!;

  it("states the population the contract gives its territory, 229 203 inhabitants", () => {
    expect(inContract("229 203 habitants")).toBe(true);
    expect(document.contract.population).toBe(229_203);
  });

    it("has one thematic committee per axis (article 2.4), meeting as needed", () => {
    expect(inContract("Un Comité thématique par axe stratégique sera mis en place")).toBe(true);
    expect(inContract("Les comités thématiques se réunissent autant que nécessaire")).toBe(true);
    const thematic = followUp.bodies.filter((b) => b.kind === "thematic");
    expect(thematic.map((b) => b.axis)).toEqual(document.contract.axes.map((a) => a.number));
    for (const b of thematic) {
      expect(b.rhythm).toBeNull();
      expect(b.name).toBe(`Comité thématique de l'axe ${b.axis}`);
    }
  });

  it("has on its COPIL, besides the signatories, the Conseil de développement and the Conseils de quartier (article 2.1), at least twice a year", () => {
    expect(inContract("représentants du Conseil de développement de la CAPVM ainsi que des Conseils de quartier")).toBe(true);
    expect(inContract("au minimum deux fois par an")).toBe(true);
    const copil = followUp.bodies.find((b) => b.kind === "copil")!;
    expect(copil.rhythm).toEqual({ kind: "per_year", count: 2 });
    expect(copil.members.map((m) => m.organisation)).toEqual(expect.arrayContaining(["Conseil de développement de la CAPVM", "Conseils de quartier des quartiers de la politique de la ville"]));
  });

  it("has FA 9's group « Santé-droits-précarité », meeting every quarter", () => {
    expect(inContract("Le groupe se réunit d'une manière trimestrielle")).toBe(true);
    const group = followUp.bodies.find((b) => b.name.includes("Santé-droits-précarité"))!;
    expect(group).toMatchObject({ kind: "working_group", rhythm: { kind: "every_months", months: 3 }, actions: [9] });
  });

  it("gives FA 9 both its operational objectives and FA 5 its whole lead, as the contract's annex does", () => {
    expect(fiche(9).operationalObjectives).toEqual(["Recenser l'ensemble des acteurs intervenant auprès des publics les plus précaires du territoire", "Organiser le partage des priorités et des ressources"]);
    for (const objective of fiche(9).operationalObjectives) expect(inContract(objective), objective).toBe(true);
    expect(fiche(5).lead?.organisation).toBe("Professionnels de santé / appui ARS-CPAM-CAPVM");
    expect(inContract(`Porteur de l'action ${fiche(5).lead!.organisation}`)).toBe(true);
  });
});

/**
 * The CAMVS demo says what its Q3 2021 review says and nothing more (issue 18): its counts,
 * days and names are checked against the review's own text (data/camvs/seed-review.txt, the
 * seed document), so that the demo does not drift into invented facts again.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { longDay, longMonth, shortDay } from "../domain/dates.js";
import { DEMO_ACCOUNTS } from "./accounts.js";
import { demoFollowUp } from "./follow-up.js";

const flat = (text: string) => text.replace(/[’']/g, "'").replace(/\s+/g, " ").toLocaleUpperCase("fr-FR");
const seed = flat(readFileSync(new URL("./data/camvs/seed-review.txt", import.meta.url), "utf8"));
const said = (phrase: string) => seed.includes(flat(phrase));
const data = demoFollowUp("camvs");
const demoPeople = new Set(DEMO_ACCOUNTS.map((a) => a.name));

/** « 14/09/2021 », « 14 septembre 2021 » or, the year being the review's, « 14 septembre ». */
const dayIsSaid = (day: string) => said(shortDay(day)) || said(longDay(day)) || said(longDay(day).replace(/ \d{4}$/, ""));
const dayOf = (at: string) => at.slice(0, 10);
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
    expect(said(`en ${longMonth(dayOf(cpam.startsAt).slice(0, 7)).split(" ")[0]}`)).toBe(true);
  });

  it("places a meeting where the review does, or nowhere", () => {
    for (const m of data.meetings) if (m.place) expect(m.place.split(/, /).every(said), `${m.title}: ${m.place}`).toBe(true);
    expect(data.meetings.find((m) => m.key === "cpts-publique")!.place).toBe("Espace Saint-Jean, Melun");
  });

  it("marks a step done on a day the review gives, or at the end of its planned period", () => {
    for (const [n, a] of Object.entries(data.actions))
      for (const m of a.milestones.filter((m) => m.doneOn)) expect(dayIsSaid(m.doneOn!) || m.doneOn === m.plannedBy, `FA ${n} « ${m.title} »`).toBe(true);
  });

  it("dates the quarter's progress on a day the review gives, or says its month as the review does", () => {
    for (const [n, a] of Object.entries(data.actions))
      for (const p of a.progress.filter((p) => p.happenedOn >= "2021-07-01" && p.happenedOn <= "2021-09-30")) {
        const month = longMonth(p.happenedOn.slice(0, 7)).split(" ")[0]!;
        expect(dayIsSaid(p.happenedOn) || (p.text.includes(`en ${month}`) && said(`en ${month}`)), `FA ${n}: ${p.text.slice(0, 60)}`).toBe(true);
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

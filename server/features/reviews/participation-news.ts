/**
 * The residents' workshops in a quarterly review's « Démocratie sanitaire » section: the
 * call published in the quarter (with its deadline and how many registered), the sessions
 * held (with how many came), the call and sessions planned in the next three months, and the workshop's synthesis of each topic with the fiches it
 * concerns; the surveys answered around the quarter. Pure: data in, HTML out; no resident is named.
 */
import { addDays, addMonths, joinAnd, longDay, parisDay, plural } from "../../domain/dates.js";
import { escape, p } from "./html-text.js";
import { onDay, onDays } from "./prose.js";

export interface ReviewWorkshop {
  id: string;
  title: string;
  /** Paris day the call was published; null while it is not. */
  callPublishedOn: string | null;
  deadline: string;
  registered: number;
  sessions: { id: string; startsAt: Date; place: string; present: number }[];
  topics: { id: string; title: string; actionNumbers: number[] }[];
  /** The workshop's synthesis of each topic (not the tables'). */
  syntheses: { topicId: string; text: string }[];
}

const inRange = (day: string, range: { start: string; end: string }) => day >= range.start && day <= range.end;
/** « (FA 6) », « (FA 6 et FA 9) »: « FA » already says « fiche action ». */
const fichesOf = (numbers: number[]) => (numbers.length ? ` (${joinAnd(numbers.map((n) => `FA ${n}`))})` : "");

/** The workshops' news of the quarter, and which workshops it names; empty when none moved. */
export function workshopNews(workshops: ReviewWorkshop[], range: { start: string; end: string }): { html: string; workshopIds: string[] } {
  const parts: string[] = [];
  const named: string[] = [];
  // What is planned in the next three months is the section's next steps (the seed: the call of 04/10, the sessions of 04 and 18/11/2021).
  const ahead = { start: addDays(range.end, 1), end: addMonths(range.end, 3) };
  for (const w of workshops) {
    const called = w.callPublishedOn !== null && inRange(w.callPublishedOn, range);
    const held = w.sessions.filter((s) => inRange(parisDay(s.startsAt), range));
    const callAhead = w.callPublishedOn !== null && inRange(w.callPublishedOn, ahead);
    const sessionsAhead = w.sessions.map((s) => parisDay(s.startsAt)).filter((day) => inRange(day, ahead));
    if (!called && !held.length && !callAhead && !sessionsAhead.length) continue;
    named.push(w.id);
    parts.push(`<h3>${escape(w.title)}</h3>`);
    if (called)
      parts.push(
        p(
          `Un appel à participation a été publié le ${longDay(w.callPublishedOn!)}, avec des inscriptions ouvertes jusqu'au ${longDay(w.deadline)}` +
            (w.registered ? ` : ${plural(w.registered, "habitant inscrit", "habitants inscrits")}.` : "."),
        ),
      );
    if (callAhead) parts.push(p(`L'appel à participation des habitants sera publié ${onDay(w.callPublishedOn!)}, avec des inscriptions ouvertes jusqu'au ${longDay(w.deadline)}.`));
    if (sessionsAhead.length) parts.push(p(sessionsAhead.length > 1 ? `Les séances sont prévues ${onDays(sessionsAhead)}.` : `La séance est prévue ${onDays(sessionsAhead)}.`));
    for (const s of held) {
      const who = s.present ? ` : ${plural(s.present, "participant présent", "participants présents")}` : "";
      parts.push(p(`Séance du ${longDay(parisDay(s.startsAt))}${s.place ? ` (${s.place})` : ""}${who}.`));
    }
    // Syntheses are shown once the workshop has met (a session in or before the quarter).
    const met = w.sessions.some((s) => parisDay(s.startsAt) <= range.end);
    const written = met ? w.topics.flatMap((t) => w.syntheses.filter((s) => s.topicId === t.id && s.text.trim()).map((s) => ({ topic: t, text: s.text.trim() }))) : [];
    if (written.length) {
      parts.push(p("Ce que les habitants ont dit, thème par thème :"));
      parts.push(`<ul>${written.map(({ topic, text }) => `<li><strong>${escape(topic.title)}</strong>${escape(fichesOf(topic.actionNumbers))} : ${escape(text)}</li>`).join("")}</ul>`);
    }
  }
  return { html: parts.join(""), workshopIds: named };
}

export interface ReviewSurvey {
  id: string;
  title: string;
  opensOn: string;
  closesOn: string;
  total: number;
  actionNumbers: number[];
  /** « Le sondage a été complété par 17 personnes. » and its highlights (surveys/summary.ts). */
  summary: string;
  highlights: string[];
}

/**
 * The surveys to report in a review: answered, and closed in the quarter or in the one
 * before (an analysis often comes a quarter later: the CAMVS Q3 2021 review reports the
 * survey of 30 June). Counts and ranked priorities only; no answer is quoted.
 */
export function surveyNews(surveys: ReviewSurvey[], range: { start: string; end: string }): { html: string; surveyIds: string[] } {
  const from = addMonths(range.start, -3);
  const reported = surveys.filter((s) => s.total > 0 && s.closesOn >= from && s.closesOn <= range.end);
  const html = reported
    .map((s) => {
      const when = s.opensOn === s.closesOn ? `le ${longDay(s.closesOn)}` : `du ${longDay(s.opensOn)} au ${longDay(s.closesOn)}`;
      return `<h3>${escape(s.title)}</h3>` + p(`Sondage mené ${when}${fichesOf(s.actionNumbers)}. ${s.summary}`) + (s.highlights.length ? `<ul>${s.highlights.map((h) => `<li>${escape(h)}</li>`).join("")}</ul>` : "");
    })
    .join("");
  return { html, surveyIds: reported.map((s) => s.id) };
}

/**
 * The printable sheets of a World Café session: the table lists (first names only), the
 * rotation plan with its times, and one sheet per moderator with the questions of each
 * topic in the order their table meets them. Pure: data in, document model out.
 */
import { heading, paragraph, bullets, type Block, type DocumentModel } from "../../documents/model.js";
import { parisFullDay, parisTime } from "../../domain/dates.js";
import type { RotationPlan } from "./rotation.js";

export interface SheetsInput {
  contractName: string;
  workshopTitle: string;
  session: { startsAt: Date; endsAt: Date; place: string; number: number };
  topics: { id: string; title: string; questions: string[] }[];
  moderators: { name: string }[];
  /** First names per table (index = table − 1). */
  tables: string[][];
  rotation: RotationPlan | null;
  author: string;
}

const tableName = (index: number) => `Table ${index + 1}`;

export function sessionSheets(input: SheetsInput): DocumentModel {
  const { session, topics, tables, rotation } = input;
  const when = `${parisFullDay(session.startsAt)}, de ${parisTime(session.startsAt)} à ${parisTime(session.endsAt)}${session.place ? ` — ${session.place}` : ""}`;
  const moderator = (t: number) => input.moderators[t]?.name || "à désigner";
  const topicOf = (id: string) => topics.find((t) => t.id === id);
  const blocks: Block[] = [paragraph(`Séance ${session.number} : ${when}.`, "lead"), heading(1, "Les tables")];
  blocks.push({
    type: "table",
    caption: "Les tables et leurs animateurs (prénoms seulement)",
    columns: [{ header: "Table", width: 1 }, { header: "Animation", width: 2 }, { header: "Participants", width: 4 }],
    rows: tables.map((names, t) => ({ cells: [tableName(t), moderator(t), { lines: names.length ? names : ["—"] }] })),
  });
  blocks.push(heading(1, "Le plan de rotation"));
  if (rotation) {
    blocks.push(paragraph("Chaque table reste à sa place avec son animateur ou son animatrice ; les thèmes tournent : chaque table traite chaque thème une fois."));
    blocks.push({
      type: "table",
      caption: "Thème traité par chaque table, tour par tour",
      columns: [{ header: "Tour", width: 1 }, ...tables.map((_, t) => ({ header: tableName(t), width: 2 }))],
      rows: rotation.rounds.map((r) => ({
        cells: [`Tour ${r.index} : ${r.start.replace(":", "h")} – ${r.end.replace(":", "h")}`, ...r.assignments.map((a) => topicOf(a.topic)?.title ?? "—")],
      })),
    });
  } else {
    blocks.push(paragraph("Pas de rotation : il faut autant de thèmes que de tables pour que chaque table traite chaque thème une fois.", "note"));
  }
  tables.forEach((names, t) => {
    blocks.push({ type: "pageBreak" }, heading(1, `Fiche d'animation — ${tableName(t)}`));
    blocks.push(paragraph(`Animation : ${moderator(t)}. Participants : ${names.length ? names.join(", ") : "—"}.`));
    const order = rotation ? rotation.rounds.map((r) => ({ round: r, topic: topicOf(r.assignments.find((a) => a.table === t + 1)!.topic) })) : topics.map((topic) => ({ round: null, topic }));
    for (const { round, topic } of order) {
      if (!topic) continue;
      blocks.push(heading(2, round ? `Tour ${round.index} (${round.start.replace(":", "h")} – ${round.end.replace(":", "h")}) : ${topic.title}` : topic.title));
      blocks.push(topic.questions.length ? bullets(topic.questions) : paragraph("Pas de question préparée pour ce thème.", "note"));
      blocks.push(paragraph("Synthèse de la table (à reporter dans Clés) :", "note"), paragraph(" "), paragraph(" "));
    }
  });
  return {
    title: input.workshopTitle,
    subtitle: `Atelier des habitants — séance ${session.number}`,
    runningHeader: `${input.contractName} — ${input.workshopTitle}`,
    note: "Document de travail : à ne pas diffuser (il nomme des personnes).",
    author: input.author,
    blocks,
  };
}

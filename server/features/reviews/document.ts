/**
 * A review as a document (DOCX, PDF, HTML): the seed's layout — purpose reminder and
 * governance news first, then « 1. » the quarter's committee(s), « 2. Déploiement du
 * CLS » with a lettered sub-section per fiche, the participation news and the fiches
 * without movement, then the annexes. Pure.
 */
import type { Block, DocumentModel } from "../../documents/model.js";
import { htmlToBlocks } from "../../documents/rich-text.js";
import { reviewOutline } from "./outline.js";
import type { ReviewSection } from "../../domain/review-sections.js";

export interface ReviewDocumentInput {
  contractName: string;
  /** « 3e trimestre 2021 ». */
  label: string;
  sections: ReviewSection[];
  /** « Version 2 publiée le 12/10/2021 par Marie Dupont », or « Document de travail ». */
  note: string;
  author: string;
}

export function reviewDocument(input: ReviewDocumentInput): DocumentModel {
  const blocks: Block[] = [];
  const body = (html: string): Block[] => {
    const blocks = htmlToBlocks(html);
    return blocks.length ? blocks : [{ type: "paragraph", runs: [{ text: "(Section sans texte.)", italic: true }], style: "note" }];
  };
  for (const part of reviewOutline(input.sections)) {
    // A group (« Déploiement du CLS ») is a numbered chapter over its sections; a lone section is its own chapter.
    if (part.heading) blocks.push({ type: "heading", level: 1, text: part.heading, numbered: true });
    for (const { section, number } of part.items) {
      if (part.heading) blocks.push({ type: "heading", level: 2, text: number ? `${number} ${section.title}` : section.title });
      else blocks.push({ type: "heading", level: 1, text: section.title, numbered: part.number !== "" });
      blocks.push(...body(section.html));
    }
  }
  return {
    title: "Revue trimestrielle",
    subtitle: `${input.contractName} — ${input.label}`,
    runningHeader: `${input.contractName} — revue du ${input.label}`,
    note: input.note,
    author: input.author,
    blocks,
  };
}

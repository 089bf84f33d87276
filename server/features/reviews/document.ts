/**
 * A review as a document (DOCX, PDF, HTML): the seed's layout — purpose reminder and
 * governance news first, then « 1. » the quarter's committee(s), « 2. Déploiement du
 * CLS » with a lettered sub-section per fiche, the participation news and the fiches
 * without movement, then the annexes. Pure.
 */
import type { Block, DocumentModel } from "../../documents/model.js";
import { htmlToBlocks } from "../../documents/rich-text.js";
import type { ReviewSection, SectionKind } from "./sections.js";

type Group = "committees" | "deployment" | null;
const GROUP_OF: Record<SectionKind, Group> = {
  purpose: null,
  governance: null,
  committee: "committees",
  action: "deployment",
  unmoved: "deployment",
  participation: "deployment",
  annexes: null,
  free: null,
};

export interface ReviewDocumentInput {
  contractName: string;
  /** « 3e trimestre 2021 ». */
  label: string;
  sections: ReviewSection[];
  /** « Version 2 publiée le 12/10/2021 par Marie Dupont », or « Document de travail ». */
  note: string;
  author: string;
}

/** The group a free section joins: the one around it, when both neighbours share it. */
function groupsOf(sections: ReviewSection[]): Group[] {
  return sections.map((s, i) => {
    if (s.kind !== "free") return GROUP_OF[s.kind];
    const before = sections.slice(0, i).reverse().find((x) => x.kind !== "free");
    const after = sections.slice(i + 1).find((x) => x.kind !== "free");
    return before && after && GROUP_OF[before.kind] && GROUP_OF[before.kind] === GROUP_OF[after.kind] ? GROUP_OF[before.kind] : null;
  });
}

const letter = (n: number) => `${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ""}.`;

export function reviewDocument(input: ReviewDocumentInput): DocumentModel {
  const visible = input.sections.filter((s) => !s.hidden);
  const groups = groupsOf(visible);
  const committees = visible.filter((_, i) => groups[i] === "committees").filter((s) => s.kind === "committee");
  const blocks: Block[] = [];
  let current: Group = null;
  let sub = 0;
  visible.forEach((s, i) => {
    const group = groups[i]!;
    if (group !== current) {
      current = group;
      sub = 0;
      // One committee in the quarter: its own title is the numbered heading, as in the seed.
      if (group === "committees" && !(committees.length === 1 && s.kind === "committee" && visible.filter((_, j) => groups[j] === "committees").length === 1)) {
        blocks.push({ type: "heading", level: 1, text: committees.length > 1 ? "Comités du trimestre" : "Comité du trimestre", numbered: true });
      }
      if (group === "deployment") blocks.push({ type: "heading", level: 1, text: "Déploiement du CLS", numbered: true });
    }
    if (group === "committees" && committees.length === 1 && visible.filter((_, j) => groups[j] === "committees").length === 1) {
      blocks.push({ type: "heading", level: 1, text: s.title, numbered: true });
    } else if (group) {
      blocks.push({ type: "heading", level: 2, text: group === "deployment" ? `${letter(sub)} ${s.title}` : s.title });
      sub += 1;
    } else {
      blocks.push({ type: "heading", level: 1, text: s.title });
    }
    const body = htmlToBlocks(s.html);
    blocks.push(...(body.length ? body : [{ type: "paragraph" as const, runs: [{ text: "(Section sans texte.)", italic: true }], style: "note" as const }]));
  });
  return {
    title: "Revue trimestrielle",
    subtitle: `${input.contractName} — ${input.label}`,
    runningHeader: `${input.contractName} — revue du ${input.label}`,
    note: input.note,
    author: input.author,
    blocks,
  };
}

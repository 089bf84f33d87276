/**
 * The outline of a review, the same in the editor, the reading page and the exports
 * (document.ts), like the seed review: the purpose reminder and the governance news first, without number;
 * « 1. » the quarter's committee (its own title when it is the only one, « Comités du trimestre »
 * over several); « 2. Déploiement du CLS » with a lettered sub-section per fiche, the
 * participation news and the fiches without movement; the annexes last, without number.
 * A free section joins the group around it when both neighbours share it; otherwise it
 * stands alone, without number.
 */
import type { ReviewSection, SectionKind } from "../../domain/review-sections.js";

type Shown = Pick<ReviewSection, "key" | "kind" | "title" | "hidden">;
type Group = "committees" | "deployment" | null;

export interface OutlineItem<S extends Shown> {
  section: S;
  /** "1." for a numbered part of its own, "a." under « Déploiement du CLS », "" otherwise. */
  number: string;
}

export interface OutlinePart<S extends Shown> {
  /** The heading of a group (« Déploiement du CLS »), or null when the part is one section under its own title. */
  heading: string | null;
  /** "2." or "". */
  number: string;
  items: OutlineItem<S>[];
}

export const DEPLOYMENT_TITLE = "Déploiement du CLS";

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

function groupsOf(sections: Shown[]): Group[] {
  return sections.map((s, i) => {
    if (s.kind !== "free") return GROUP_OF[s.kind];
    const before = sections.slice(0, i).reverse().find((x) => x.kind !== "free");
    const after = sections.slice(i + 1).find((x) => x.kind !== "free");
    return before && after && GROUP_OF[before.kind] && GROUP_OF[before.kind] === GROUP_OF[after.kind] ? GROUP_OF[before.kind] : null;
  });
}

/** "a." … "z.", then "a1." … as the exports letter them. */
const letter = (n: number) => `${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ""}.`;

/** The visible sections grouped and numbered as the exports do. */
export function reviewOutline<S extends Shown>(sections: S[]): OutlinePart<S>[] {
  const visible = sections.filter((s) => !s.hidden);
  const groups = groupsOf(visible);
  const inCommittees = visible.filter((_, i) => groups[i] === "committees");
  const singleCommittee = inCommittees.length === 1 && inCommittees[0]!.kind === "committee";
  const parts: OutlinePart<S>[] = [];
  let counter = 0;
  let current: Group = null;
  let part: OutlinePart<S> | null = null;
  visible.forEach((section, i) => {
    const group = groups[i]!;
    if (group !== current || !group) {
      current = group;
      part = null;
    }
    if (!group) {
      parts.push({ heading: null, number: "", items: [{ section, number: "" }] });
      return;
    }
    if (group === "committees" && singleCommittee) {
      counter += 1;
      parts.push({ heading: null, number: `${counter}.`, items: [{ section, number: `${counter}.` }] });
      return;
    }
    if (!part) {
      counter += 1;
      part = { heading: group === "deployment" ? DEPLOYMENT_TITLE : inCommittees.filter((s) => s.kind === "committee").length > 1 ? "Comités du trimestre" : "Comité du trimestre", number: `${counter}.`, items: [] };
      parts.push(part);
    }
    part.items.push({ section, number: group === "deployment" ? letter(part.items.length) : "" });
  });
  return parts;
}

/** The number each visible section shows in the editor (« 1. », « 2. b. »), by key. */
export function sectionNumbers<S extends Shown>(sections: S[]): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const p of reviewOutline(sections))
    for (const item of p.items) {
      const number = p.heading ? [p.number, item.number].filter(Boolean).join(" ") : item.number;
      if (number) numbers.set(item.section.key, number);
    }
  return numbers;
}

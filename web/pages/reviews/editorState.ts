/**
 * The coordinator's working copy of a review's sections in the editor: pure functions,
 * so that what is sent, what counts as unsaved and what a reload keeps are tested alone.
 */
import type { ReviewSection, SectionInput } from "../../api/reviews";

export type DraftSection = Pick<ReviewSection, "key" | "kind" | "title" | "html" | "hidden" | "generatedTitle" | "generatedHtml" | "refreshState" | "edited">;

/** A text typed here and not saved when a reload brought the server's version. */
export interface Recovered {
  title: string;
  html: string;
}

export const toDraft = (sections: ReviewSection[]): DraftSection[] =>
  sections.map(({ key, kind, title, html, hidden, generatedTitle, generatedHtml, refreshState, edited }) => ({ key, kind, title, html, hidden, generatedTitle, generatedHtml, refreshState, edited }));

/**
 * What PUT /reviews/:id receives: the order, titles, texts and visibility; "unchanged"
 * acknowledges a refresh flag (« Garder mon texte », or the new draft taken).
 */
export const toInput = (sections: DraftSection[]): SectionInput[] =>
  sections.map(({ key, title, html, hidden, refreshState }) => ({ key, title, html, hidden, ...(refreshState === "unchanged" ? { refreshState } : {}) }));

const same = (a: SectionInput[], b: SectionInput[]) => JSON.stringify(a) === JSON.stringify(b);

/** Something typed, moved, hidden, added or removed since the last load or save. */
export const isDirty = (draft: DraftSection[], saved: DraftSection[]) => !same(toInput(draft), toInput(saved));

/** The section moved to the place its key has in `order` (from MoveButtons). */
export function reorder(sections: DraftSection[], order: string[]): DraftSection[] {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  return order.map((key) => byKey.get(key)!).filter(Boolean);
}

export function update(sections: DraftSection[], key: string, change: Partial<Pick<DraftSection, "title" | "html" | "hidden" | "refreshState">>): DraftSection[] {
  return sections.map((s) => (s.key === key ? { ...s, ...change } : s));
}

/** The key of a free section added here. */
export const freeKey = (id: string) => `free:${id}`;

/** A new free section, placed before the annexes (they close the review) or last. */
export function addFree(sections: DraftSection[], id: string): { sections: DraftSection[]; key: string } {
  const key = freeKey(id);
  const section: DraftSection = { key, kind: "free", title: "Nouvelle section", html: "", hidden: false, generatedTitle: "", generatedHtml: "", refreshState: "unchanged", edited: true };
  const annexes = sections.findIndex((s) => s.kind === "annexes");
  const at = annexes === -1 ? sections.length : annexes;
  return { sections: [...sections.slice(0, at), section, ...sections.slice(at)], key };
}

/** « Garder mon texte »: the flag of a changed section is acknowledged. */
export const keepText = (sections: DraftSection[], key: string) => update(sections, key, { refreshState: "unchanged" });

/** « Remplacer mon texte par le nouveau brouillon »: the text (and title) drawn from the data. */
export function takeGenerated(sections: DraftSection[], key: string): DraftSection[] {
  const section = sections.find((s) => s.key === key);
  if (!section) return sections;
  return update(sections, key, { html: section.generatedHtml, title: section.generatedTitle.trim() ? section.generatedTitle : section.title, refreshState: "unchanged" });
}

/** Only free sections can be deleted; the generated ones are hidden instead. */
export const removeFree = (sections: DraftSection[], key: string): DraftSection[] => sections.filter((s) => !(s.key === key && s.kind === "free"));

/**
 * After a reload (someone else saved first): the server's sections become the draft; the
 * sections typed here and not saved keep their text aside, to be taken back one by one;
 * free sections added here and never saved are kept at their place at the end.
 */
export function afterReload(local: DraftSection[], lastSaved: DraftSection[], server: DraftSection[]): { sections: DraftSection[]; recovered: Record<string, Recovered> } {
  const before = new Map(lastSaved.map((s) => [s.key, s]));
  const fresh = new Map(server.map((s) => [s.key, s]));
  const recovered: Record<string, Recovered> = {};
  const added: DraftSection[] = [];
  for (const s of local) {
    const saved = before.get(s.key);
    const now = fresh.get(s.key);
    if (!now) {
      if (!saved && s.kind === "free") added.push(s);
      continue;
    }
    const typed = !saved || saved.title !== s.title || saved.html !== s.html;
    if (typed && (now.title !== s.title || now.html !== s.html)) recovered[s.key] = { title: s.title, html: s.html };
  }
  return { sections: [...server, ...added], recovered };
}

export interface RefreshSummary {
  updated: DraftSection[];
  changed: DraftSection[];
  added: DraftSection[];
  gone: DraftSection[];
}

export function refreshSummary(sections: DraftSection[]): RefreshSummary {
  const of = (state: DraftSection["refreshState"]) => sections.filter((s) => s.refreshState === state);
  return { updated: of("updated"), changed: of("changed"), added: of("new"), gone: of("gone") };
}

/** DOM id of a section's card. */
export const cardId = (key: string) => `section-${key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
/** DOM ids of a section's title field and text editor. */
export const titleFieldId = (key: string) => `${cardId(key)}-titre-saisie`;
export const textFieldId = (key: string) => `${cardId(key)}-texte-saisie`;

/**
 * After a save: the server's sections (sanitised), except the texts typed here while the
 * save was on its way, which stay as typed (still unsaved).
 */
export function afterSave(current: DraftSection[], sent: DraftSection[], server: DraftSection[]): DraftSection[] {
  const now = new Map(current.map((s) => [s.key, s]));
  const before = new Map(sent.map((s) => [s.key, s]));
  return server.map((s) => {
    const local = now.get(s.key);
    const was = before.get(s.key);
    if (!local || !was) return s;
    return { ...s, title: local.title !== was.title ? local.title : s.title, html: local.html !== was.html ? local.html : s.html };
  });
}

/** Field errors of a save by section: "sections.3.title" → "<key>.title", "sections.3.html" → "<key>.html", others by key. */
export function errorsByKey(errors: { path: string; message: string }[], sent: DraftSection[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const match = /^sections\.(\d+)(?:\.(\w+))?/.exec(e.path);
    const key = match ? sent[Number(match[1])]?.key : undefined;
    if (!key) continue;
    const field = match![2] === "title" || match![2] === "html" ? `${key}.${match![2]}` : key;
    out[field] ??= e.message;
  }
  return out;
}

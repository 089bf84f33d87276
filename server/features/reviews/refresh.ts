/**
 * The coordinator's work on a draft, as pure rules: applying an edit (order, titles,
 * texts, visibility, free sections) and refreshing from the data without losing the
 * coordinator's text where the data did not change.
 */
import { createHash } from "node:crypto";
import type { FieldError } from "../../http/problem.js";
import type { ReviewSection } from "../../domain/review-sections.js";

export interface SectionEdit {
  key: string;
  title: string;
  /** Already sanitised. */
  html: string;
  hidden: boolean;
  /** "unchanged" acknowledges a refresh flag (« Garder mon texte »); absent keeps it. */
  refreshState?: "unchanged";
}

const emptySources = { meetingIds: [], progressEntryIds: [], measurementIds: [], milestoneIds: [], adjustmentIds: [], attachmentIds: [], actionIds: [] };

/**
 * The sections after an edit, or the field errors: every generated section stays (hidden
 * rather than removed), keys appear once, new keys are free sections ("free:…").
 */
export function applyEdit(current: ReviewSection[], edits: SectionEdit[]): { sections: ReviewSection[] } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byKey = new Map(current.map((s) => [s.key, s]));
  const seen = new Set<string>();
  const sections: ReviewSection[] = [];
  edits.forEach((edit, i) => {
    if (seen.has(edit.key)) {
      errors.push({ path: `sections.${i}.key`, message: "Cette section apparaît deux fois." });
      return;
    }
    seen.add(edit.key);
    const before = byKey.get(edit.key);
    if (!before) {
      if (!edit.key.startsWith("free:")) {
        errors.push({ path: `sections.${i}.key`, message: "Cette section n'existe pas dans la revue : une section ajoutée a une clé « free:… »." });
        return;
      }
      if (!edit.title.trim()) errors.push({ path: `sections.${i}.title`, message: "Donnez un titre à la section libre." });
      sections.push({
        key: edit.key,
        kind: "free",
        title: edit.title,
        generatedTitle: "",
        html: edit.html,
        generatedHtml: "",
        sourceHash: "",
        sources: { ...emptySources },
        edited: true,
        hidden: edit.hidden,
        refreshState: "unchanged",
      });
      return;
    }
    if (!edit.title.trim()) errors.push({ path: `sections.${i}.title`, message: "Le titre de la section ne peut pas être vide." });
    const edited = before.kind === "free" || edit.html !== before.generatedHtml || edit.title !== before.generatedTitle;
    sections.push({
      ...before,
      title: edit.title,
      html: edit.html,
      hidden: edit.hidden,
      edited,
      refreshState: edit.refreshState ?? before.refreshState,
    });
  });
  current.forEach((s) => {
    if (s.kind !== "free" && !seen.has(s.key)) errors.push({ path: "sections", message: `La section « ${s.title} » vient des données : masquez-la plutôt que de la retirer.` });
  });
  return errors.length ? { errors } : { sections };
}

/**
 * The sections after a refresh. A section whose data did not change is kept as it is.
 * One whose data changed is redrawn when the coordinator had not touched it (updated),
 * else keeps the coordinator's text and offers the new draft (changed). Sections the
 * data now calls for are inserted where the draft would put them (new); sections whose
 * data left the quarter go, unless edited (gone). Free sections stay where they are.
 */
export function refreshSections(current: ReviewSection[], fresh: ReviewSection[]): ReviewSection[] {
  const freshByKey = new Map(fresh.map((s) => [s.key, s]));
  const currentKeys = new Set(current.map((s) => s.key));
  const merged: ReviewSection[] = [];
  for (const s of current) {
    const next = freshByKey.get(s.key);
    if (s.kind === "free") merged.push({ ...s, refreshState: "unchanged" });
    else if (!next) {
      if (s.edited) merged.push({ ...s, refreshState: "gone" });
    } else if (next.sourceHash === s.sourceHash) merged.push({ ...s, refreshState: s.refreshState === "changed" ? "changed" : "unchanged" });
    else if (!s.edited) merged.push({ ...next, hidden: s.hidden, refreshState: "updated" });
    else merged.push({ ...s, generatedTitle: next.generatedTitle, generatedHtml: next.generatedHtml, sourceHash: next.sourceHash, sources: next.sources, refreshState: "changed" });
  }
  // New sections go right after the section that precedes them in the fresh draft.
  fresh.forEach((s, i) => {
    if (currentKeys.has(s.key)) return;
    const previous = fresh.slice(0, i).reverse().find((f) => merged.some((m) => m.key === f.key));
    const at = previous ? merged.findIndex((m) => m.key === previous.key) + 1 : 0;
    merged.splice(at, 0, { ...s, refreshState: "new" });
  });
  return merged;
}

/** A short digest of what a review would publish, to tell whether a correction changed anything. */
export const contentDigest = (sections: ReviewSection[]) =>
  createHash("sha256")
    .update(JSON.stringify(sections.filter((s) => !s.hidden).map((s) => [s.title, s.html])))
    .digest("hex");

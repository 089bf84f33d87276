/** Draft sections for the editor's tests. */
import type { DraftSection } from "./editorState";

export const s = (key: string, kind: DraftSection["kind"] = "action", extra: Partial<DraftSection> = {}): DraftSection => ({
  key,
  kind,
  title: `Titre ${key}`,
  html: `<p>Texte ${key}</p>`,
  hidden: false,
  generatedTitle: `Titre ${key}`,
  generatedHtml: `<p>Texte ${key}</p>`,
  refreshState: "unchanged",
  edited: false,
  ...extra,
});

/** A review's purpose, two fiches and the annexes. */
export const base = [s("purpose", "purpose"), s("action:1"), s("action:6"), s("annexes", "annexes")];

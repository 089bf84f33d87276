/**
 * The review editor's state and every event that changes it, as one reducer: what is
 * typed, moved, saved, refreshed, published or reloaded, what failed and what is announced.
 * Pure, so each transition is tested alone; the editor only dispatches and renders.
 */
import { plural } from "../../format";
import { addFree, afterReload, afterSave, keepText, removeFree, reorder, takeGenerated, update, type DraftSection, type Recovered } from "./editorState";

export type Panel = null | "refresh" | "publish";
export type Busy = null | "save" | "refresh" | "publish" | "reload";
export type SectionChange = Partial<Pick<DraftSection, "title" | "html" | "hidden">>;

/** The message above the sections: a save's time, a refresh's summary, or a sentence. */
export type Notice = { kind: "saved"; at: Date } | { kind: "refreshed"; sections: DraftSection[] } | { kind: "message"; text: string };

export interface EditorState {
  /** The working copy, as typed. */
  sections: DraftSection[];
  /** The sections as the server last gave them. */
  saved: DraftSection[];
  /** The review's version to send with the next write. */
  version: number;
  /** Texts typed here, set aside by a reload, to be taken back section by section. */
  recovered: Record<string, Recovered>;
  /** The last save's field errors, by section key ("<key>", "<key>.title", "<key>.html"). */
  fieldErrors: Record<string, string>;
  panel: Panel;
  busy: Busy;
  failure: Error | null;
  /** The failure is a conflict with a newer version on the server. */
  stale: boolean;
  notice: Notice | null;
  /** Said to screen readers after a move, a hide, a removal… */
  announce: string;
  preview: boolean;
}

export type EditorEvent =
  | { type: "edited"; key: string; change: SectionChange }
  | { type: "moved"; key: string; order: string[] }
  | { type: "settled"; key: string; take: boolean }
  | { type: "recovered"; key: string; take: boolean }
  | { type: "removed"; key: string }
  | { type: "added"; id: string }
  | { type: "panel"; panel: Panel }
  | { type: "preview"; on: boolean }
  | { type: "started"; busy: Exclude<Busy, null> }
  | { type: "saved"; sent: DraftSection[]; server: DraftSection[]; version: number }
  | { type: "savedNotice"; at: Date }
  | { type: "refreshed"; server: DraftSection[]; version: number }
  | { type: "published"; server: DraftSection[]; version: number }
  | { type: "reloaded"; server: DraftSection[]; version: number; published: boolean }
  | { type: "invalid"; fieldErrors: Record<string, string> }
  | { type: "failed"; error: Error; stale?: boolean }
  | { type: "finished" }
  | { type: "noticeClosed" };

export const initialEditorState = (sections: DraftSection[], version: number): EditorState => ({
  sections,
  saved: sections,
  version,
  recovered: {},
  fieldErrors: {},
  panel: null,
  busy: null,
  failure: null,
  stale: false,
  notice: null,
  announce: "",
  preview: false,
});

const titleOf = (state: EditorState, key: string) => state.sections.find((s) => s.key === key)?.title ?? "";

/** A section's errors go away once it is changed. */
function withoutErrorsOf(errors: Record<string, string>, key: string): Record<string, string> {
  const own = (k: string) => k === key || k.startsWith(`${key}.`);
  return Object.keys(errors).some(own) ? Object.fromEntries(Object.entries(errors).filter(([k]) => !own(k))) : errors;
}

export function editorReducer(state: EditorState, event: EditorEvent): EditorState {
  switch (event.type) {
    case "edited": {
      const announce = event.change.hidden === undefined ? state.announce : `Section « ${titleOf(state, event.key)} » ${event.change.hidden ? "masquée" : "affichée"}.`;
      return { ...state, sections: update(state.sections, event.key, event.change), fieldErrors: withoutErrorsOf(state.fieldErrors, event.key), announce };
    }
    case "moved":
      return {
        ...state,
        sections: reorder(state.sections, event.order),
        announce: `Section « ${titleOf(state, event.key)} » déplacée en position ${event.order.indexOf(event.key) + 1} sur ${event.order.length}.`,
      };
    case "settled":
      return {
        ...state,
        sections: event.take ? takeGenerated(state.sections, event.key) : keepText(state.sections, event.key),
        announce: event.take ? "Le nouveau brouillon remplace votre texte ; enregistrez pour le garder." : "Votre texte est gardé ; enregistrez pour confirmer.",
      };
    case "recovered": {
      const { [event.key]: text, ...rest } = state.recovered;
      return { ...state, sections: event.take && text ? update(state.sections, event.key, text) : state.sections, recovered: rest };
    }
    case "removed": {
      const title = titleOf(state, event.key);
      const sections = removeFree(state.sections, event.key);
      return sections.length === state.sections.length ? state : { ...state, sections, announce: `Section « ${title} » supprimée.` };
    }
    case "added":
      return { ...state, sections: addFree(state.sections, event.id).sections };
    case "panel":
      return { ...state, panel: event.panel };
    case "preview":
      return { ...state, preview: event.on };
    case "started":
      // A reload keeps the conflict's message until it succeeds.
      return event.busy === "reload" ? { ...state, busy: event.busy } : { ...state, busy: event.busy, failure: null, notice: null };
    case "saved":
      return { ...state, saved: event.server, version: event.version, sections: afterSave(state.sections, event.sent, event.server), fieldErrors: {} };
    case "savedNotice":
      return { ...state, notice: { kind: "saved", at: event.at } };
    case "refreshed":
      return { ...state, saved: event.server, version: event.version, sections: event.server, recovered: {}, panel: null, notice: { kind: "refreshed", sections: event.server } };
    case "published":
      return { ...state, saved: event.server, version: event.version, sections: event.server, panel: null };
    case "reloaded": {
      const { sections, recovered } = afterReload(state.sections, state.saved, event.server);
      const count = Object.keys(recovered).length;
      const text = event.published
        ? "La revue a été publiée entre-temps."
        : count
          ? `Revue rechargée. Vos textes non enregistrés de ${plural(count, "section")} sont mis de côté dans ces sections : reprenez-les ou gardez la version enregistrée.`
          : "Revue rechargée.";
      return { ...state, saved: event.server, version: event.version, sections, recovered, failure: null, notice: { kind: "message", text } };
    }
    case "invalid":
      return { ...state, fieldErrors: event.fieldErrors };
    case "failed":
      return { ...state, failure: event.error, stale: event.stale ?? state.stale };
    case "finished":
      return { ...state, busy: null };
    case "noticeClosed":
      return { ...state, notice: null };
  }
}

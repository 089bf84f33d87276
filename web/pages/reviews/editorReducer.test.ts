import { describe, expect, it } from "vitest";
import { editorReducer, initialEditorState, type EditorEvent, type EditorState } from "./editorReducer";
import { freeKey, isDirty } from "./editorState";
import { base, s } from "./draft.fixtures";

const play = (state: EditorState, ...events: EditorEvent[]) => events.reduce(editorReducer, state);

describe("the review editor's reducer", () => {
  const start = initialEditorState(base, 3);

  it("starts saved, with nothing announced, failed or open", () => {
    expect(isDirty(start.sections, start.saved)).toBe(false);
    expect(start).toMatchObject({ version: 3, busy: null, failure: null, panel: null, notice: null, announce: "", preview: false });
  });

  it("keeps what is typed unsaved, and clears that section's errors only", () => {
    const errors = { "action:1.title": "Trop long", "action:6.html": "Vide" };
    const next = play(start, { type: "invalid", fieldErrors: errors }, { type: "edited", key: "action:1", change: { title: "Nouveau titre" } });
    expect(next.sections[1]!.title).toBe("Nouveau titre");
    expect(isDirty(next.sections, next.saved)).toBe(true);
    expect(next.fieldErrors).toEqual({ "action:6.html": "Vide" });
  });

  it("announces a hidden section, a move and a removal", () => {
    expect(play(start, { type: "edited", key: "action:6", change: { hidden: true } }).announce).toBe("Section « Titre action:6 » masquée.");
    const moved = play(start, { type: "moved", key: "action:6", order: ["purpose", "action:6", "action:1", "annexes"] });
    expect(moved.sections.map((x) => x.key)).toEqual(["purpose", "action:6", "action:1", "annexes"]);
    expect(moved.announce).toBe("Section « Titre action:6 » déplacée en position 2 sur 4.");
    const added = play(start, { type: "added", id: "x" });
    expect(added.sections.map((x) => x.key)).toEqual(["purpose", "action:1", "action:6", freeKey("x"), "annexes"]);
    expect(play(added, { type: "removed", key: freeKey("x") }).announce).toBe("Section « Nouvelle section » supprimée.");
    // A generated section is hidden, never removed.
    expect(play(start, { type: "removed", key: "action:1" })).toBe(start);
  });

  it("after a save, takes the server's sections but keeps what was typed while it travelled", () => {
    const sent = play(start, { type: "edited", key: "action:1", change: { html: "<p>Envoyé</p>" } }).sections;
    const typedMeanwhile = play(initialEditorState(base, 3), { type: "edited", key: "action:1", change: { html: "<p>Envoyé</p>" } }, { type: "edited", key: "action:6", change: { html: "<p>Pendant</p>" } });
    const server = sent.map((x) => (x.key === "action:1" ? { ...x, html: "<p>Envoyé</p>", edited: true } : x));
    const next = play(typedMeanwhile, { type: "saved", sent, server, version: 4 });
    expect(next.version).toBe(4);
    expect(next.saved).toBe(server);
    expect(next.sections.find((x) => x.key === "action:6")!.html).toBe("<p>Pendant</p>");
    expect(isDirty(next.sections, next.saved)).toBe(true);
  });

  it("clears the last failure and message when a save starts, but keeps the conflict while reloading", () => {
    const failed = play(start, { type: "savedNotice", at: new Date() }, { type: "failed", error: new Error("409"), stale: true });
    expect(failed).toMatchObject({ stale: true, failure: expect.any(Error) });
    expect(play(failed, { type: "started", busy: "save" })).toMatchObject({ busy: "save", failure: null, notice: null });
    expect(play(failed, { type: "started", busy: "reload" })).toMatchObject({ busy: "reload", failure: expect.any(Error) });
    expect(play(failed, { type: "finished" }).busy).toBeNull();
  });

  it("on a reload, sets aside the texts typed here that the server changed, and says how many", () => {
    const typed = play(start, { type: "edited", key: "action:1", change: { html: "<p>Le mien</p>" } }, { type: "failed", error: new Error("409"), stale: true });
    const server = base.map((x) => (x.key === "action:1" ? { ...x, html: "<p>Le leur</p>" } : x));
    const next = play(typed, { type: "reloaded", server, version: 5, published: false });
    expect(next.recovered).toEqual({ "action:1": { title: "Titre action:1", html: "<p>Le mien</p>" } });
    expect(next.failure).toBeNull();
    expect(next.notice).toEqual({ kind: "message", text: expect.stringContaining("de 1 section sont mis de côté") });
    const taken = play(next, { type: "recovered", key: "action:1", take: true });
    expect(taken.sections[1]!.html).toBe("<p>Le mien</p>");
    expect(taken.recovered).toEqual({});
    expect(play(next, { type: "recovered", key: "action:1", take: false }).sections[1]!.html).toBe("<p>Le leur</p>");
    expect(play(typed, { type: "reloaded", server, version: 6, published: true }).notice).toEqual({ kind: "message", text: "La revue a été publiée entre-temps." });
  });

  it("after a refresh, shows the server's draft with its summary and closes the panel", () => {
    const server = [...base, s("action:9", "action", { refreshState: "new" })];
    const next = play(start, { type: "panel", panel: "refresh" }, { type: "refreshed", server, version: 7 });
    expect(next).toMatchObject({ panel: null, version: 7, sections: server, saved: server, notice: { kind: "refreshed", sections: server } });
  });

  it("settles a changed section by taking the new draft or keeping the text", () => {
    const changed = initialEditorState([s("action:6", "action", { html: "<p>Mon texte</p>", generatedHtml: "<p>Nouveau</p>", refreshState: "changed" })], 1);
    const took = play(changed, { type: "settled", key: "action:6", take: true });
    expect(took.sections[0]).toMatchObject({ html: "<p>Nouveau</p>", refreshState: "unchanged" });
    expect(took.announce).toContain("nouveau brouillon");
    expect(play(changed, { type: "settled", key: "action:6", take: false }).sections[0]).toMatchObject({ html: "<p>Mon texte</p>", refreshState: "unchanged" });
  });
});

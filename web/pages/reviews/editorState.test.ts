import { describe, expect, it } from "vitest";
import { addFree, afterReload, isDirty, keepText, refreshSummary, removeFree, reorder, takeGenerated, toInput, update } from "./editorState";
import { base, s } from "./draft.fixtures";


describe("the editor's working copy", () => {
  it("sends the order, titles, texts, visibility, and the refresh flags acknowledged", () => {
    expect(toInput([s("action:1", "action", { hidden: true, refreshState: "changed" })])).toEqual([{ key: "action:1", title: "Titre action:1", html: "<p>Texte action:1</p>", hidden: true }]);
    expect(toInput([s("action:1")])).toEqual([{ key: "action:1", title: "Titre action:1", html: "<p>Texte action:1</p>", hidden: false, refreshState: "unchanged" }]);
  });

  it("takes the new draft of a changed section, or keeps the coordinator's text", () => {
    const changed = [s("action:6", "action", { html: "<p>Mon texte</p>", generatedHtml: "<p>Nouveau</p>", generatedTitle: "FICHE ACTION 6 « Journée »", refreshState: "changed", edited: true })];
    expect(takeGenerated(changed, "action:6")[0]).toMatchObject({ html: "<p>Nouveau</p>", title: "FICHE ACTION 6 « Journée »", refreshState: "unchanged" });
    expect(keepText(changed, "action:6")[0]).toMatchObject({ html: "<p>Mon texte</p>", refreshState: "unchanged" });
  });

  it("is unsaved after a typed text, a move or a hidden section, and saved again when undone", () => {
    expect(isDirty(base, base)).toBe(false);
    const typed = update(base, "action:6", { html: "<p>Mon texte</p>" });
    expect(isDirty(typed, base)).toBe(true);
    expect(isDirty(update(typed, "action:6", { html: "<p>Texte action:6</p>" }), base)).toBe(false);
    expect(isDirty(reorder(base, ["purpose", "action:6", "action:1", "annexes"]), base)).toBe(true);
    expect(isDirty(update(base, "action:1", { hidden: true }), base)).toBe(true);
    // « Garder mon texte » is sent too.
    const flagged = base.map((x) => ({ ...x, refreshState: "changed" as const }));
    expect(isDirty(flagged, flagged)).toBe(false);
    expect(isDirty(keepText(flagged, "action:6"), flagged)).toBe(true);
  });

  it("adds a free section before the annexes, and deletes free sections only", () => {
    const { sections, key } = addFree(base, "1234");
    expect(key).toBe("free:1234");
    expect(sections.map((x) => x.key)).toEqual(["purpose", "action:1", "action:6", "free:1234", "annexes"]);
    expect(addFree(base.slice(0, 2), "x").sections.at(-1)!.key).toBe("free:x");
    expect(removeFree(sections, "free:1234")).toEqual(base);
    expect(removeFree(base, "action:1")).toEqual(base);
  });

  it("after a reload, keeps aside the texts typed here that the server's version does not have", () => {
    const local = [...update(base, "action:6", { html: "<p>Tapé ici</p>" }), s("free:new", "free", { html: "<p>Ajoutée ici</p>" })];
    const server = update(update(base, "action:1", { html: "<p>Changé ailleurs</p>" }), "purpose", { title: "Autre titre" });
    const { sections, recovered } = afterReload(local, base, server);
    expect(sections.map((x) => x.key)).toEqual(["purpose", "action:1", "action:6", "annexes", "free:new"]);
    expect(sections.find((x) => x.key === "action:1")!.html).toBe("<p>Changé ailleurs</p>");
    // Untouched here: the server's text wins, nothing kept aside.
    expect(recovered).toEqual({ "action:6": { title: "Titre action:6", html: "<p>Tapé ici</p>" } });
  });

  it("does not keep aside a text the server already has", () => {
    const local = update(base, "action:6", { html: "<p>Même texte</p>" });
    expect(afterReload(local, base, local).recovered).toEqual({});
  });

  it("counts what a refresh found", () => {
    const summary = refreshSummary([s("a", "action", { refreshState: "updated" }), s("b", "action", { refreshState: "changed" }), s("c", "action", { refreshState: "new" }), s("d", "action", { refreshState: "gone" }), s("e")]);
    expect([summary.updated, summary.changed, summary.added, summary.gone].map((l) => l.map((x) => x.key))).toEqual([["a"], ["b"], ["c"], ["d"]]);
  });
});

describe("after a save", () => {
  it("takes the server's sanitised text but keeps what was typed during the save", async () => {
    const { afterSave, errorsByKey } = await import("./editorState");
    const sent = update(base, "action:6", { html: "<p>Envoyé</p>" });
    const current = update(sent, "action:1", { html: "<p>Tapé pendant</p>" });
    const server = update(sent, "action:6", { html: "<p>Envoyé (nettoyé)</p>" });
    const merged = afterSave(current, sent, server);
    expect(merged.find((x) => x.key === "action:6")!.html).toBe("<p>Envoyé (nettoyé)</p>");
    expect(merged.find((x) => x.key === "action:1")!.html).toBe("<p>Tapé pendant</p>");
    expect(errorsByKey([{ path: "sections.2.html", message: "Trop long" }, { path: "sections.1.title", message: "Vide" }, { path: "sections.0.key", message: "Inconnue" }, { path: "version", message: "x" }], sent)).toEqual({
      "action:6.html": "Trop long",
      "action:1.title": "Vide",
      purpose: "Inconnue",
    });
  });
});

/** Axes and objectives as their history compares them. */
import { snapshot, type Snapshot } from "../../audit/diff.js";

export function axisSnapshot(a: { number: number; title: string; description: string }): Snapshot {
  return snapshot([
    ["number", "Numéro", a.number],
    ["title", "Intitulé", a.title],
    ["description", "Description", a.description],
  ]);
}

export function objectiveSnapshot(o: { code: string; title: string }): Snapshot {
  return snapshot([
    ["code", "Code", o.code],
    ["title", "Intitulé", o.title],
  ]);
}

/** An organisation of the directory as its history compares it. */
import { snapshot, type Snapshot } from "../../audit/diff.js";

export function organisationSnapshot(o: { name: string; shortName: string | null; sector: string | null }): Snapshot {
  return snapshot([
    ["name", "Nom", o.name],
    ["shortName", "Sigle", o.shortName],
    ["sector", "Secteur", o.sector],
  ]);
}

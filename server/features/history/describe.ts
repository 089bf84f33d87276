/** The French sentence of a history entry: "Marie Dupont a modifié Public cible le 14/09/2021 à 10:12". */
import type { AuditChange, AuditObjectType, AuditOperation } from "../../domain/history.js";
import { parisDateTime, pluralWord } from "../../domain/dates.js";

const NOUNS: Record<AuditObjectType, string> = {
  contract: "le contrat",
  axis: "l'axe",
  objective: "l'objectif",
  action: "la fiche",
  organisation: "l'organisation",
  member: "le membre",
  invitation: "l'invitation de",
  body: "l'instance",
  meeting: "la réunion",
  review: "la revue trimestrielle",
  evaluation: "l'évaluation",
};

/** "of the object", with French contraction (de + le = du). */
const OF: Record<AuditObjectType, string> = {
  contract: "du contrat",
  axis: "de l'axe",
  objective: "de l'objectif",
  action: "de la fiche",
  organisation: "de l'organisation",
  member: "du membre",
  invitation: "de l'invitation de",
  body: "de l'instance",
  meeting: "de la réunion",
  review: "de la revue trimestrielle",
  evaluation: "de l'évaluation",
};

const VERBS: Record<AuditOperation, string> = {
  create: "a créé",
  update: "a modifié",
  archive: "a archivé",
  restore: "a restauré",
  delete: "a supprimé",
};

const SPECIAL: Partial<Record<`${AuditObjectType}.${AuditOperation}`, string>> = {
  "member.create": "a ajouté comme membre",
  "member.update": "a changé le rôle de",
  "member.delete": "a retiré du contrat",
  "invitation.create": "a invité",
  "invitation.delete": "a révoqué l'invitation de",
};

/** "14/09/2021 à 10:12", in Paris time. */
export const frenchDateTime = (at: Date): string => parisDateTime(at);

/** "Public cible", "Public cible et Lieu", "Public cible, Lieu et 3 autres champs". */
export function fieldList(changes: AuditChange[]): string {
  const labels = changes.map((c) => c.label);
  if (labels.length <= 2) return labels.join(" et ");
  const rest = labels.length - 2;
  return `${labels.slice(0, 2).join(", ")} et ${rest} ${pluralWord(rest, "autre champ", "autres champs")}`;
}

export interface DescribedEntry {
  actorName: string;
  at: Date;
  operation: AuditOperation;
  objectType: AuditObjectType;
  objectLabel: string;
  changes: AuditChange[];
}

/**
 * The sentence of an entry. `onObjectPage`: the page is the object's own (a fiche's
 * history), so an update names its fields rather than the object.
 */
export function describeEntry(e: DescribedEntry, onObjectPage = false): string {
  const when = `le ${frenchDateTime(e.at)}`;
  if (e.operation === "update" && e.changes.length && (onObjectPage || e.objectType === "action" || e.objectType === "contract")) {
    const where = onObjectPage ? "" : ` ${OF[e.objectType]} ${e.objectLabel}`;
    return `${e.actorName} a modifié ${fieldList(e.changes)}${where} ${when}`;
  }
  const special = SPECIAL[`${e.objectType}.${e.operation}`];
  if (special) return `${e.actorName} ${special} ${e.objectLabel} ${when}`;
  return `${e.actorName} ${VERBS[e.operation]} ${NOUNS[e.objectType]} ${e.objectLabel} ${when}`;
}

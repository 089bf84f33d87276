/**
 * The French sentence of a history entry, worded by what was done: « Marie Dupont a ajouté une
 * mesure de l'indicateur « … » à la fiche FA 6 « … » le 14/09/2021 à 10:12 », « … a supprimé
 * l'étape « … » », « … a modifié Public cible », « … a désactivé le compte de … ». Pure.
 */
import type { AuditChange, AuditObjectType, AuditOperation } from "../../domain/history.js";
import { parisDateTime, pluralWord } from "../../domain/dates.js";
import { partOf, partOperation, type PartNouns } from "./parts.js";

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
  annual_report: "le bilan annuel",
  workshop: "l'atelier des habitants",
  registration: "l'inscription",
  survey: "le sondage",
  survey_answer: "la réponse au sondage",
  ambassador: "l'ambassadeur santé",
  ambassador_training: "la formation des ambassadeurs",
  ambassador_activity: "l'action des ambassadeurs",
  commune_referent: "la désignation",
  commune_relay: "le relais aux communes",
  account: "le compte de",
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
  annual_report: "du bilan annuel",
  workshop: "de l'atelier des habitants",
  registration: "de l'inscription",
  survey: "du sondage",
  survey_answer: "de la réponse au sondage",
  ambassador: "de l'ambassadeur santé",
  ambassador_training: "de la formation des ambassadeurs",
  ambassador_activity: "de l'action des ambassadeurs",
  commune_referent: "de la désignation",
  commune_relay: "du relais aux communes",
  account: "du compte de",
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
  /** Null for an entry of the instance (accounts, ARS invitations); absent: unknown. */
  contractId?: string | null;
  /** For a part of a fiche (a measurement, a milestone…): the fiche, « FA 6 « … » », when it is known. */
  ficheLabel?: string | null;
}

/** The fiche a part belongs to, after « à », « de »: " à la fiche FA 6 « … »", or nothing on the fiche's own page. */
function ficheOf(e: DescribedEntry, onObjectPage: boolean, preposition: "à" | "de"): string {
  if (onObjectPage || e.objectType !== "action" || !e.ficheLabel) return "";
  return ` ${preposition} la fiche ${e.ficheLabel}`;
}

/** A part added, removed or changed. */
function partSentence(e: DescribedEntry, part: PartNouns, onObjectPage: boolean): string {
  const op = partOperation(e.changes);
  if (e.changes.length === 1 && e.changes[0]!.field === "order") return `a réordonné ${part.the}${ficheOf(e, onObjectPage, "de")}`;
  if (op === "add") return `a ajouté ${part.a}${ficheOf(e, onObjectPage, "à")}`;
  if (op === "remove") return `${/^Remarque de /.test(e.objectLabel) ? "a retiré" : "a supprimé"} ${part.the}${ficheOf(e, onObjectPage, "de")}`;
  // « a modifié une remarque partenaire »: its one field is the remark itself.
  if (part.the.startsWith("une ")) return `a modifié ${part.the}${ficheOf(e, onObjectPage, "de")}`;
  return `a modifié ${fieldList(e.changes)} ${part.of}${ficheOf(e, onObjectPage, "de")}`;
}

/** An account of the instance: created (by the admin, or by the person accepting an invitation), deactivated, reactivated, its ARS territory. */
function accountSentence(e: DescribedEntry): string {
  const label = e.objectLabel;
  if (e.operation === "create") return label.startsWith(`${e.actorName} (`) ? `a créé son compte ${label.slice(e.actorName.length + 1)}` : `a créé le compte de ${label}`;
  if (e.operation === "delete") return `a supprimé le compte de ${label}`;
  const status = e.changes.find((c) => c.field === "status");
  if (status?.after === "Désactivé") return `a désactivé le compte de ${label}`;
  if (status?.after === "Actif") return `a réactivé le compte de ${label}`;
  if (e.changes.length === 1 && e.changes[0]!.field === "arsScopes") return `a changé le territoire ARS du compte de ${label}`;
  return `a modifié le compte de ${label}`;
}

/** The verb and object of an entry, without who and when. */
function what(e: DescribedEntry, onObjectPage: boolean): string {
  // Entries written before the « account » type named accounts as members of no contract.
  const instanceMember = e.objectType === "member" && e.contractId === null;
  if (e.objectType === "account" || instanceMember) return accountSentence(e);
  if (e.operation === "update") {
    const part = partOf(e.objectType, e.objectLabel);
    if (part) return partSentence(e, part, onObjectPage);
    const attachment = e.changes.length === 1 && e.changes[0]!.field === "attachments" ? e.changes[0]! : null;
    if (e.objectType === "meeting" && attachment?.after && !attachment.before) return `a ajouté la pièce jointe « ${attachment.after} » à la réunion ${e.objectLabel}`;
    if (e.objectType === "meeting" && attachment?.before && !attachment.after) return `a retiré la pièce jointe « ${attachment.before} » de la réunion ${e.objectLabel}`;
    if (e.changes.length && (onObjectPage || e.objectType === "action" || e.objectType === "contract")) {
      const where = onObjectPage ? "" : ` ${OF[e.objectType]} ${e.objectLabel}`;
      return `a modifié ${fieldList(e.changes)}${where}`;
    }
  }
  if (e.objectType === "invitation" && e.operation === "create" && e.contractId === null) {
    const territory = e.changes.find((c) => c.field === "arsScopes")?.after;
    return `a invité ${e.objectLabel} comme délégation de l'ARS${territory ? ` (${territory})` : ""}`;
  }
  const special = SPECIAL[`${e.objectType}.${e.operation}`];
  if (special) return `${special} ${e.objectLabel}`;
  return `${VERBS[e.operation]} ${NOUNS[e.objectType]} ${e.objectLabel}`;
}

/**
 * The sentence of an entry. `onObjectPage`: the page is the object's own (a fiche's
 * history), so an update names its fields rather than the object, and a part of the
 * fiche does not name the fiche.
 */
export function describeEntry(e: DescribedEntry, onObjectPage = false): string {
  return `${e.actorName} ${what(e, onObjectPage)} le ${frenchDateTime(e.at)}`;
}

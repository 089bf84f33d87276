/**
 * Where a history line leads: the web page of the object it is about (a fiche, its follow-up for
 * a measurement or a milestone, a meeting, a review, a survey, a workshop…). No link when the
 * object is gone or has no page of its own. Pure: the caller says whether the object still exists
 * and, for what lives inside another object (a registration in a workshop, an answer in a survey),
 * which one.
 */
import type { AuditObjectType } from "../../domain/history.js";
import { partOf } from "./parts.js";

export interface LinkedEntry {
  objectType: AuditObjectType;
  objectId: string;
  objectLabel: string;
  contractId: string | null;
}

export interface ObjectFacts {
  /** The object is still there (a deleted axis, an erased ambassador: no link). */
  exists: boolean;
  /** The workshop of a registration, the survey of an answer. */
  parentId?: string | null;
}

/** The web path of an entry's object, or null. */
export function entryLink(e: LinkedEntry, facts: ObjectFacts): string | null {
  if (!facts.exists) return null;
  if (e.objectType === "account" || (e.objectType === "member" && e.contractId === null) || (e.objectType === "invitation" && e.contractId === null)) return "/administration/comptes";
  if (!e.contractId) return null;
  const contract = `/contrats/${e.contractId}`;
  switch (e.objectType) {
    case "contract":
      return partOf("contract", e.objectLabel) ? `${contract}/tableau-cotech` : contract;
    case "axis":
    case "objective":
      return `${contract}/axes`;
    case "action":
      // A measurement, a milestone, a progress entry… is read on the fiche's follow-up.
      return partOf("action", e.objectLabel) ? `${contract}/fiches/${e.objectId}/suivi` : `${contract}/fiches/${e.objectId}`;
    case "organisation":
      return `${contract}/annuaire`;
    case "member":
    case "invitation":
      return `${contract}/membres`;
    case "body":
      return `${contract}/gouvernance`;
    case "meeting":
      return `${contract}/reunions/${e.objectId}`;
    case "review":
      // The settings of the reviews are recorded on the contract's id.
      return e.objectId === e.contractId ? `${contract}/revues` : `${contract}/revues/${e.objectId}`;
    case "evaluation":
      return `${contract}/evaluation`;
    case "annual_report": {
      // Its label starts with the year: « 2022 : synthèse et perspectives ».
      const year = /^\d{4}/.exec(e.objectLabel)?.[0];
      return `${contract}/bilan-annuel${year ? `?annee=${year}` : ""}`;
    }
    case "workshop":
      return `${contract}/ateliers/${e.objectId}`;
    case "registration":
      return facts.parentId ? `${contract}/ateliers/${facts.parentId}` : null;
    case "survey":
      return `${contract}/sondages/${e.objectId}`;
    case "survey_answer":
      return facts.parentId ? `${contract}/sondages/${facts.parentId}` : null;
    case "ambassador":
    case "ambassador_training":
    case "ambassador_activity":
      return `${contract}/ambassadeurs`;
    default:
      return null;
  }
}

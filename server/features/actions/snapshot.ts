/** A fiche as its history compares it: French labels and readable values. */
import { snapshot, type Snapshot } from "../../audit/diff.js";
import { CITY_CONTRACT_ANSWERS, INDICATOR_KINDS, PARTICIPATION_DEGREES, TERRITORY_SCOPES } from "../../domain/vocabulary.js";
import type { ActionView } from "./queries.js";
import { ACTION_STATUSES } from "../../domain/statuses.js";
import { budgetLineText } from "../../domain/budget.js";

const yesNo = (v: boolean | null) => (v === null ? null : v ? "Oui" : "Non");

export function actionSnapshot(a: ActionView): Snapshot {
  return snapshot([
    ["number", "Numéro", a.number],
    ["title", "Intitulé", a.title],
    ["status", "Statut", ACTION_STATUSES[a.status]],
    ["axis", "Axe", `${a.axis.number}. ${a.axis.title}`],
    ["objective", "Objectif", a.objective ? `${a.objective.code} ${a.objective.title}` : null],
    ["lead", "Porteur", a.lead ? [a.lead.organisationName, a.lead.person].filter(Boolean).join(" — ") : null],
    ["startMonth", "Début", a.startMonth],
    ["endMonth", "Fin", a.endMonth],
    ["justification", "Justification", a.justification.text],
    ["inequalitiesIdentified", "ISTS repérées", yesNo(a.justification.inequalitiesIdentified)],
    ["cityContractHealth", "Volet santé du contrat de ville", a.justification.cityContractHealth && CITY_CONTRACT_ANSWERS[a.justification.cityContractHealth]],
    ["specificObjective", "Objectif spécifique", a.specificObjective],
    ["operationalObjectives", "Objectifs opérationnels", a.operationalObjectives],
    ["description", "Description", a.description],
    ["preExisting", "Action préexistante", yesNo(a.preExisting)],
    ["targetPublic", "Public cible", a.targetPublic],
    ["place", "Lieu", a.place],
    ["territory", "Territoire", [TERRITORY_SCOPES[a.territory.scope], ...a.territory.communes].join(" : ")],
    ["determinants", "Déterminants de santé", a.determinants],
    ["themes", "Thèmes", a.themes.map((t) => (t.other ? `${t.theme} (${t.other})` : t.theme))],
    ["otherPlans", "Autres plans", a.otherPlans],
    ["prsProjects", "Projets du PRS", a.prsProjects],
    ["partners", "Partenaires", a.partners.map((p) => [p.organisationName, p.person].filter(Boolean).join(" — "))],
    ["participationInvolved", "Participation des habitants", yesNo(a.participation.involved)],
    ["participationHow", "Modalités de participation", a.participation.how],
    ["participationDegree", "Degré de participation", a.participation.degree && PARTICIPATION_DEGREES[a.participation.degree]],
    ["indicators", "Indicateurs", a.indicators.map((i) => `${INDICATOR_KINDS[i.kind]} : ${i.label}`)],
    ["budget", "Budget", a.budget.lines.map((l) => budgetLineText({ ...l, funderName: l.funder.name }))],
  ]);
}

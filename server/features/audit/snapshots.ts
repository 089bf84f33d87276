/** What the history shows of each kind of object: French labels and readable values. */
import { ACTION_STATUSES } from "../actions/status.js";
import type { ActionView } from "../actions/queries.js";
import { CONTRACT_STATUSES, type ContractStatus } from "../contracts/lifecycle.js";
import { CITY_CONTRACT_ANSWERS, INDICATOR_KINDS, PARTICIPATION_DEGREES, TERRITORY_SCOPES } from "../reference/vocabulary.js";
import { snapshot, type Snapshot } from "./diff.js";

export interface ContractFacts {
  slug: string;
  name: string;
  localAuthority: string;
  startDate: string;
  endDate: string;
  status: ContractStatus;
  summary: string;
  published: boolean;
  communes: { inseeCode: string; name: string }[];
  priorityAreas: { name: string }[];
  signatories: { organisationName: string; representative: string }[];
}

export function contractSnapshot(c: ContractFacts): Snapshot {
  return snapshot([
    ["name", "Nom", c.name],
    ["slug", "Identifiant", c.slug],
    ["localAuthority", "Collectivité", c.localAuthority],
    ["startDate", "Date de début", c.startDate],
    ["endDate", "Date de fin", c.endDate],
    ["status", "Statut", CONTRACT_STATUSES[c.status]],
    ["summary", "Présentation", c.summary],
    ["published", "Page publique", c.published],
    ["communes", "Communes", c.communes.map((x) => `${x.name} (${x.inseeCode})`)],
    ["priorityAreas", "Quartiers prioritaires", c.priorityAreas.map((q) => q.name)],
    ["signatories", "Signataires", c.signatories.map((s) => (s.representative ? `${s.organisationName} — ${s.representative}` : s.organisationName))],
  ]);
}

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

export function organisationSnapshot(o: { name: string; shortName: string | null; sector: string | null }): Snapshot {
  return snapshot([
    ["name", "Nom", o.name],
    ["shortName", "Sigle", o.shortName],
    ["sector", "Secteur", o.sector],
  ]);
}

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
    ["determinant", "Déterminant de santé", a.determinant],
    ["themes", "Thèmes", a.themes.map((t) => (t.other ? `${t.theme} (${t.other})` : t.theme))],
    ["otherPlans", "Autres plans", a.otherPlans],
    ["prsProjects", "Projets du PRS", a.prsProjects],
    ["partners", "Partenaires", a.partners.map((p) => [p.organisationName, p.person].filter(Boolean).join(" — "))],
    ["participationInvolved", "Participation des habitants", yesNo(a.participation.involved)],
    ["participationHow", "Modalités de participation", a.participation.how],
    ["participationDegree", "Degré de participation", a.participation.degree && PARTICIPATION_DEGREES[a.participation.degree]],
    ["indicators", "Indicateurs", a.indicators.map((i) => `${INDICATOR_KINDS[i.kind]} : ${i.label}`)],
  ]);
}

/** French names of the exchange format's fields, to say where an import error is. */
const FIELD_LABELS: Record<string, string> = {
  slug: "identifiant",
  name: "nom",
  localAuthority: "collectivité",
  startDate: "date de début",
  endDate: "date de fin",
  status: "statut",
  summary: "présentation",
  keyDates: "dates clés",
  on: "date",
  communes: "communes",
  priorityAreas: "quartiers prioritaires",
  signatories: "signataires",
  organisations: "annuaire",
  axes: "axes",
  objectives: "objectifs",
  actions: "fiches actions",
  number: "numéro",
  title: "intitulé",
  lead: "porteur",
  organisation: "organisation",
  person: "personne",
  startMonth: "début",
  endMonth: "fin",
  justification: "justification",
  text: "texte",
  inequalitiesIdentified: "ISTS repérées",
  cityContractHealth: "volet santé du contrat de ville",
  specificObjective: "objectif spécifique",
  operationalObjectives: "objectifs opérationnels",
  description: "description",
  preExisting: "action préexistante",
  targetPublic: "public cible",
  place: "lieu",
  territory: "territoire",
  scope: "périmètre",
  determinant: "déterminant",
  determinants: "déterminants",
  budgets: "budget",
  year: "année",
  amount: "montant",
  funderId: "financeur",
  funder: "financeur",
  themes: "thèmes",
  theme: "thème",
  other: "précision",
  otherPlans: "autres plans",
  prsProjects: "projets du PRS",
  partners: "partenaires",
  sector: "secteur",
  participation: "participation des habitants",
  involved: "habitants associés",
  how: "modalités",
  degree: "degré",
  indicators: "indicateurs",
  kind: "type",
  label: "libellé",
  unit: "unité",
  baseline: "valeur de départ",
  target: "cible",
  inseeCode: "code INSEE",
  population: "population",
  representative: "représentant",
  signedOn: "date de signature",
  code: "code",
  axis: "axe",
  objective: "objectif",
  archived: "archivée",
  // Version 2: the contract's running life.
  governance: "gouvernance",
  bodies: "instances",
  members: "membres",
  meetings: "réunions",
  body: "instance",
  key: "clé",
  fiches: "fiches",
  agenda: "ordre du jour",
  decisions: "décisions",
  participants: "participants",
  startsAt: "début",
  endsAt: "fin",
  followUp: "suivi",
  fiche: "fiche",
  milestones: "étapes",
  progress: "avancement",
  remaining: "reste-à-faire",
  adjustments: "ajustements",
  measurements: "mesures",
  indicator: "indicateur",
  comments: "remarques",
  meeting: "réunion",
  agreedMeeting: "réunion de validation",
  reviews: "revues",
  quarterly: "revues trimestrielles",
  sections: "sections",
  publications: "versions publiées",
  workshops: "ateliers des habitants",
  topics: "thèmes",
  syntheses: "synthèses",
  registrations: "inscriptions",
  seats: "places",
  consents: "consentements",
};

/**
 * "contract.actions.3.lead.organisation" → "Fiche action FA 4 « Titre » › porteur › organisation".
 * `actions` gives each fiche's number and title as the file has them, when readable.
 */
export function describeImportPath(path: readonly PropertyKey[], actions: unknown): string {
  const parts = path.map(String);
  if (parts[0] === "contract") parts.shift();
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!;
    const next = parts[i + 1];
    if (key === "actions" && next !== undefined && /^\d+$/.test(next)) {
      const fiche = Array.isArray(actions) ? (actions[Number(next)] as { number?: unknown; title?: unknown } | undefined) : undefined;
      const number = typeof fiche?.number === "number" ? `FA ${fiche.number}` : `n° ${Number(next) + 1} du fichier`;
      const title = typeof fiche?.title === "string" && fiche.title ? ` « ${fiche.title.slice(0, 60)} »` : "";
      out.push(`Fiche action ${number}${title}`);
      i++;
    } else if (/^\d+$/.test(key)) {
      out.push(`n° ${Number(key) + 1}`);
    } else {
      out.push(FIELD_LABELS[key] ?? key);
    }
  }
  return out.length ? out.join(" › ") : "fichier";
}

import { describe, expect, it } from "vitest";
import type { Block, Cell, TableRow } from "../../documents/model.js";
import { fiche } from "./columns.fixtures.js";
import type { FicheTableView } from "./columns.js";
import { ficheBlocks, fichesDocument } from "./fiches-document.js";

const cellText = (c: Cell) => (typeof c === "string" ? c : c.lines.join(" / "));
const rowText = (r: TableRow) => ("band" in r ? r.band : r.cells.map(cellText).join(" | "));
/** Every block as one line of text, tables row by row: what a reader of the page sees, in order. */
const lines = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => {
    switch (b.type) {
      case "heading":
        return [`# ${b.text}`];
      case "paragraph":
      case "quote":
        return [b.runs.map((r) => ("text" in r ? r.text : "\n")).join("")];
      case "list":
        return b.items.map((i) => `• ${i.map((r) => ("text" in r ? r.text : "")).join("")}`);
      case "table":
        return [...(b.caption ? [`[${b.caption}]`] : []), b.columns.map((c) => c.header).join(" | "), ...b.rows.map(rowText)];
      default:
        return [];
    }
  });

const empty: FicheTableView = {
  ...fiche,
  objective: null,
  objectiveId: null,
  lead: null,
  startMonth: null,
  endMonth: null,
  justification: { text: "", inequalitiesIdentified: null, cityContractHealth: null },
  specificObjective: "",
  operationalObjectives: [],
  description: "",
  preExisting: null,
  targetPublic: "",
  place: "",
  territory: { scope: "whole", communes: [] },
  determinants: [],
  themes: [],
  otherPlans: [],
  prsProjects: [],
  partners: [],
  participation: { involved: null, how: "", degree: null },
  indicators: [],
  budget: { lines: [], total: 0, secured: 0, requested: 0 },
  communeLabels: [],
  latestProgress: null,
  milestones: [],
  shownStatusLabel: "Non démarrée",
};

describe("a fiche as the ARS fiche action, in Word", () => {
  it("gives the header and the blocks of the template in order, with the answers as sentences and the partners' roles as a grid", () => {
    expect(lines(ficheBlocks(fiche, "03/12/2026"))).toEqual([
      "# Fiche action 5 — Lutter contre le renoncement aux soins",
      "Rubrique | Contenu",
      "Axe stratégique | Axe 1 : Offre de soins",
      "Objectif du contrat | 1.1 — Accès aux soins",
      "Intitulé de l'action | Lutter contre le renoncement aux soins",
      "Porteur de l'action | Caisse primaire d'assurance maladie de Seine-et-Marne — Mme Martin",
      "Période | De mars 2021 à décembre 2023",
      "Statut | En retard",
      "# Justification",
      "Renoncement élevé.",
      "Surtout en QPV.",
      "Des inégalités sociales et territoriales de santé ont-elles été repérées ? Oui",
      "La problématique de l'action est-elle intégrée dans le volet santé du contrat de ville ? Non concerné",
      "# Description",
      "Rubrique | Contenu",
      "Objectif spécifique | Réduire le renoncement",
      "Objectif opérationnel 1 | Former les agents",
      "Objectif opérationnel 2 | Orienter vers la PFIDASS",
      "Public cible | Assurés du régime général",
      "Lieu de l'action | Melun",
      "Territoire | Communes listées / Torcy (77468) / Melun (77288)",
      "# Description de l'action",
      "- repérage",
      "- accompagnement",
      "L'action est-elle déjà mise en œuvre (préexistante à la dynamique du CLS) ? Non",
      "# Typologie et thématique",
      "Rubrique | Contenu",
      "Déterminants visés | Système de santé / Cohésion sociale",
      "Thème 1 | Accès aux droits",
      "Thème 2 | Autre : Renoncement aux soins",
      "Articulation avec d'autres plans locaux | PRS 2 / Contrat de ville",
      "Projets du Projet régional de santé | 1.1, 2.3",
      "# Partenaires et participation",
      "[Partenaires de l'action et leur rôle]",
      "Secteur | Partenaire | Analyse des besoins | Mobilisation de ressources | Mise en œuvre | Co-pilotage",
      "Santé | Centre hospitalier — site de Melun (Dr Durand) | Oui |  | Oui | ",
      "Social | Coordinateur du CLS |  |  |  | ",
      "Une démarche participative est-elle mise en œuvre afin d'associer les habitants à l'action ? Oui : Ateliers",
      "Quel degré ? Consultation",
      "# Suivi et évaluation",
      "[Indicateurs]",
      "Type | Indicateur | Valeur de départ | Cible",
      "Résultat | Taux de renoncement — QPV | 12,5 % | 8 %",
      "Activité | Nombre d'agents formés |  | 40",
      "Dernier avancement (14/09/2021) : Rencontre avec la CPAM.",
      "Étapes du rétroplanning au 03/12/2026 :",
      "• Formation — prévu T2 2021, réalisé le 10/06/2021",
      "• Bilan — prévu T4 2021, en retard",
      "# Budget et financeurs",
      "[Budget de l'action, par année et financeur]",
      "Année | Financeur | Montant | Financement",
      "2021 | Caisse primaire d'assurance maladie de Seine-et-Marne | 12\u202f000\u202f€ | Acquis",
      "2022 | Centre hospitalier — site de Melun | 8\u202f500\u202f€ | Demandé",
      expect.stringMatching(/^Total : 20\u202f500\u202f€ dont 12\u202f000\u202f€ acquis/),
    ]);
  });

  it("leaves out what is not filled in: no row of « — », no import hint, « Non renseigné. » for an empty block, no budget block without budget", () => {
    const text = lines(ficheBlocks(empty, "03/12/2026"));
    expect(text).toEqual([
      "# Fiche action 5 — Lutter contre le renoncement aux soins",
      "Rubrique | Contenu",
      "Axe stratégique | Axe 1 : Offre de soins",
      "Intitulé de l'action | Lutter contre le renoncement aux soins",
      "Statut | Non démarrée",
      "# Justification",
      "Non renseigné.",
      "# Description",
      "Rubrique | Contenu",
      "Territoire | Tout le territoire du CLS",
      "# Typologie et thématique",
      "Non renseigné.",
      "# Partenaires et participation",
      "Non renseigné.",
      "# Suivi et évaluation",
      "Non renseigné.",
    ]);
    expect(text.join("\n")).not.toMatch(/—$|MM\/AAAA|un par ligne|non importé|\(rappel\)/);
  });

  it("puts one fiche per chapter in number order, and says when the contract has none", () => {
    const doc = fichesDocument("CLS de test", [{ ...fiche, number: 7, title: "Sept" }, { ...empty, number: 2, title: "Deux" }], "03/12/2026", "au modèle de l'ARS Île-de-France");
    expect(doc.blocks.filter((b) => b.type === "heading" && b.level === 1).map((b) => (b as { text: string }).text)).toEqual(["Fiche action 2 — Deux", "Fiche action 7 — Sept"]);
    expect(doc.blocks.filter((b) => b.type === "pageBreak")).toHaveLength(1);
    expect(doc.note).toBe("Export du 03/12/2026 : 2 fiches, au modèle de l'ARS Île-de-France.");
    expect(lines(fichesDocument("CLS de test", [], "03/12/2026", "au modèle de l'ARS Île-de-France").blocks)).toEqual(["Ce contrat n'a aucune fiche action en cours."]);
  });
});

/**
 * A DocumentModel the size of a big quarterly review or annual report: meetings
 * with minutes and decisions, one section per fiche with its milestones table,
 * progress and indicator charts, and a summary table. For the render worker's
 * tests and the bench (documents of a given size, without a database).
 */
import { renderIndicatorSvg } from "../documents/charts.js";
import { type Block, bullets, type DocumentModel, heading, paragraph, type TableRow } from "../documents/model.js";

const LOREM =
  "Le groupe de travail s'est réuni avec les référents des communes, les centres de santé et les partenaires associatifs pour faire le point sur le déploiement de l'action, ses difficultés et ses prochaines étapes.";

export interface SyntheticSize {
  fiches: number;
  meetings: number;
  /** Indicator charts (SVG), one every `chartEvery` fiches; 0: none. Default 4. */
  chartEvery?: number;
}

export function syntheticDocument({ fiches, meetings, chartEvery = 4 }: SyntheticSize): DocumentModel {
  const blocks: Block[] = [
    heading(1, "Gouvernance du contrat", true),
    paragraph(`${meetings} réunions se sont tenues sur la période : comités de pilotage, comités techniques et groupes de travail.`, "lead"),
  ];
  for (let m = 1; m <= meetings; m++) {
    blocks.push(heading(3, `Réunion ${m} — comité technique du ${String((m % 28) + 1).padStart(2, "0")}/09/2021`));
    blocks.push(paragraph(`${LOREM} ${LOREM}`));
    blocks.push(bullets([`Décision ${m}.1 : valider le calendrier de l'action.`, `Décision ${m}.2 : solliciter les partenaires pour le recueil des données.`, `Décision ${m}.3 : présenter les résultats au prochain COPIL.`]));
  }
  blocks.push({ type: "pageBreak" });
  blocks.push(heading(1, "Déploiement des fiches actions", true));
  const summary: TableRow[] = [];
  for (let f = 1; f <= fiches; f++) {
    if (f % 10 === 1) summary.push({ band: `Axe ${Math.ceil(f / 10)} — Accès aux soins et prévention`, level: 1 });
    summary.push({ cells: [`FA ${f}`, `Action de santé publique numéro ${f}`, f % 3 === 0 ? "En retard" : "En cours", { lines: ["Étape réalisée", "Étape à venir"], bullets: true }] });
    blocks.push(heading(2, `Fiche action ${f} « Action de santé publique numéro ${f} »`));
    blocks.push(paragraph(`${LOREM} ${LOREM} ${LOREM}`));
    blocks.push({
      type: "table",
      caption: `Rétroplanning de la fiche ${f}`,
      columns: [{ header: "Étape", width: 3 }, { header: "Prévue", width: 1 }, { header: "Réalisée", width: 1 }],
      rows: Array.from({ length: 6 }, (_, i) => ({ cells: [`Étape ${i + 1} : ${LOREM.slice(0, 60)}`, `T${(i % 4) + 1} 2021`, i < 3 ? `T${(i % 4) + 1} 2021` : "—"] })),
    });
    blocks.push({ type: "quote", runs: [{ text: "Remarque d'un partenaire : ", bold: true }, { text: LOREM, italic: true }] });
    if (chartEvery > 0 && f % chartEvery === 0) {
      const svg = renderIndicatorSvg({
        label: `Indicateur de la fiche ${f}`,
        unit: "personnes",
        baseline: 10,
        target: 100,
        measurements: Array.from({ length: 8 }, (_, i) => ({ measuredOn: `202${1 + Math.floor(i / 4)}-${String(((i % 4) + 1) * 3).padStart(2, "0")}-30`, value: 10 + i * 9 + (f % 7) })),
      });
      blocks.push({ type: "image", svg, width: 440, height: 220, alt: `Évolution de l'indicateur de la fiche ${f}` });
    }
  }
  blocks.push({ type: "pageBreak" });
  blocks.push(heading(1, "Tableau de suivi", true));
  blocks.push({ type: "table", caption: "État des fiches actions", columns: [{ header: "Fiche" }, { header: "Intitulé", width: 3 }, { header: "Statut" }, { header: "Étapes", width: 2 }], rows: summary });
  return {
    title: "Revue trimestrielle du CLS",
    subtitle: `Contrat Local de Santé de démonstration — ${fiches} fiches, ${meetings} réunions`,
    runningHeader: "CLS de démonstration — 3e trimestre 2021",
    note: "Version 1 publiée le 12/10/2021 par Marie Dupont",
    author: "Clés",
    blocks,
  };
}

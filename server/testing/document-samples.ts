/** Sample document models for the renderers' tests and timings. */
import { renderIndicatorSvg } from "../documents/charts.js";
import { bullets, heading, paragraph, text, type Block, type DocumentModel, type TableRow } from "../documents/model.js";

const COTECH_COLUMNS = [
  { header: "Fiche action", width: 28 },
  { header: "Objectifs / critères d'évaluation", width: 40 },
  { header: "État d'avancement réel", width: 48 },
  { header: "Reste-à-faire", width: 36 },
];

/** A model with every kind of block, French typography, a 60-row table and an indicator chart. */
export function sampleModel(): DocumentModel {
  const rows: TableRow[] = [];
  for (let i = 1; i <= 60; i++) {
    if (i === 1) rows.push({ band: "Axe 1 — Prévention et promotion de la santé" });
    if (i === 31) rows.push({ band: "Axe 2 — Accès aux soins" });
    if (i % 10 === 1) rows.push({ band: `Objectif ${Math.ceil(i / 10)} : réduire les inégalités`, level: 2 });
    rows.push({
      cells: [
        { lines: [`FA ${i} — Dépistage n° ${i}`], bold: true },
        `Taux de participation ≥ ${40 + (i % 20)} %`,
        { lines: [`Réunion du ${String((i % 28) + 1).padStart(2, "0")}/09/2021`, "Diffusion des supports « Octobre rose »"], bullets: true },
        i % 3 === 0 ? "" : "Relancer l’ARS et la CPAM…",
      ],
    });
  }
  const chart = renderIndicatorSvg({
    label: "Taux de dépistage du cancer du sein",
    unit: "%",
    baseline: 40,
    target: 60,
    measurements: [
      { measuredOn: "2021-03-31", value: 42 },
      { measuredOn: "2021-06-30", value: 48 },
      { measuredOn: "2021-09-30", value: 51.5 },
    ],
  });
  const blocks: Block[] = [
    paragraph("La revue trimestrielle est « une synthèse de l’ensemble des rencontres et avancées sur les différentes actions ».", "lead"),
    heading(1, "Synthèse du trimestre", true),
    {
      type: "paragraph",
      runs: [
        text("Au 3e trimestre, "),
        { text: "12 fiches actions", bold: true },
        text(" ont progressé ; "),
        { text: "deux", italic: true },
        text(" sont "),
        { text: "en retard", underline: true },
        text(". Voir le "),
        { text: "site de l’ARS", link: "https://www.iledefrance.ars.sante.fr/" },
        text("."),
        { lineBreak: true },
        text("Élément après un saut de ligne : œuvre, Œdipe, « guillemets », l’apostrophe – tiret… points."),
      ],
    },
    heading(2, "Faits marquants"),
    bullets(["Signature de l’avenant n° 2", "Lancement du groupe « Santé mentale »", "Forum santé à Melun"]),
    { type: "list", ordered: true, items: [[text("Préparer le COPIL")], [text("Diffuser la revue"), { text: " avant le 15/10", bold: true }]] },
    { type: "quote", runs: [text("Le suivi du processus de coordination sera réalisé à l’aide de revues trimestrielles du CLS.")] },
    heading(3, "Détail : <script>alert(1)</script>"),
    paragraph("Les données sont provisoires.", "note"),
    heading(1, "Indicateurs", true),
    { type: "image", svg: chart, width: 480, height: 240, alt: "Évolution du taux de dépistage du cancer du sein" },
    { type: "pageBreak" },
    heading(1, "Tableau de suivi des actions", true),
    { type: "table", caption: "Tableau 1 — Avancement des fiches actions", columns: COTECH_COLUMNS, rows },
    paragraph("Fin du document."),
  ];
  return {
    title: "Revue trimestrielle du CLS",
    subtitle: "Contrat Local de Santé 2021-2023 — 3e trimestre 2021",
    runningHeader: "CLS Melun Val de Seine — 3e trimestre 2021",
    note: "Version 2 publiée le 12/10/2021 par Marie Dupont",
    author: "Marie Dupont",
    blocks,
  };
}

/** A large model: 40 fiche sections of 3 paragraphs and 10 tables of 20 rows. */
export function largeModel(): DocumentModel {
  const blocks: Block[] = [];
  const sentence =
    "L’action a réuni les partenaires du territoire autour d’un diagnostic partagé ; les prochaines étapes sont la diffusion des supports, la formation des relais et l’évaluation à mi-parcours. ";
  for (let f = 1; f <= 40; f++) {
    blocks.push(heading(1, `Fiche action n° ${f} — Prévention et accès aux soins`, true));
    for (let p = 0; p < 3; p++) blocks.push(paragraph(sentence.repeat(3)));
    if (f % 4 === 0) {
      const rows: TableRow[] = [{ band: `Objectifs de la fiche ${f}` }];
      for (let r = 1; r <= 20; r++) {
        rows.push({ cells: [`Indicateur ${r}`, { lines: ["Réunion de lancement", "Groupe de travail"], bullets: true }, `${r * 3} %`, "À poursuivre en 2022"] });
      }
      blocks.push({ type: "table", columns: COTECH_COLUMNS, rows });
    }
  }
  return { title: "Rapport annuel 2021", subtitle: "Contrat Local de Santé", runningHeader: "CLS Melun Val de Seine — 2021", author: "Clés", blocks };
}

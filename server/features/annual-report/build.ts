/**
 * The annual report (bilan annuel) of a calendar year, as a neutral document model:
 * governance held vs expected, each fiche's status and progress, indicators against
 * their targets with charts, residents' participation, documents published.
 * Pure: the loader (load.ts) gives everything it reads.
 */
import { renderIndicatorSvg } from "../../documents/charts.js";
import { heading, paragraph, type Block, type DocumentModel, type TableRow } from "../../documents/model.js";
import { progressTowardsTarget } from "../followup/rules.js";
import { SHOWN_STATUSES, shownStatus } from "../../domain/shown-status.js";
import { attendance, bodiesOverPeriod, inYear, isHeld, reportDay, yearWithinContract } from "./governance.js";
import { frenchNumber, knownDate, plural, shortDay } from "../../domain/dates.js";
import { htmlToBlocks } from "../../documents/rich-text.js";
import type { AnnualReportInput } from "./input.js";
import { draftOutlook, draftSynthesis } from "./texts.js";

export type { AnnualReportInput, ReportIndicator } from "./input.js";

/** Progress entries shown per fiche, whole (a text is never cut), before « Et N autres points ». */
const PROGRESS_SHOWN = 3;
const CHART = { width: 480, height: 240 };

const flat = (text: string) => text.replace(/\s+/g, " ").trim();
const withUnit = (value: number | null, unit: string) => (value === null ? "—" : `${frenchNumber(value)}${unit ? ` ${unit}` : ""}`);
export const percent = (share: number | null) => (share === null ? "—" : `${frenchNumber(Math.round(share * 100))} %`);


function governance(input: AnnualReportInput, from: string, to: string): Block[] {
  const { year } = input;
  const rows = bodiesOverPeriod(input.bodies, input.meetings, from, to, input.today);
  const held = rows.reduce((s, r) => s + r.held.length, 0);
  const blocks: Block[] = [heading(1, "Gouvernance", true)];
  if (!rows.length) return [...blocks, paragraph(`Aucune instance n'est enregistrée pour ce contrat.`)];
  blocks.push(paragraph(held ? `${plural(held, "réunion d'instance tenue", "réunions d'instances tenues")} en ${year}.` : `Aucune réunion d'instance n'a été tenue en ${year}.`));
  blocks.push({
    type: "table",
    caption: `Réunions des instances en ${year} : attendues selon le rythme prévu et tenues`,
    columns: [{ header: "Instance", width: 3 }, { header: "Rythme prévu", width: 2 }, { header: "Attendues", width: 1 }, { header: "Tenues", width: 1 }],
    rows: rows.map((r) => ({ cells: [r.body.name, r.rhythmLabel, r.expected === null ? "—" : frenchNumber(r.expected), frenchNumber(r.held.length)] })),
  });
  for (const r of rows.filter((x) => x.held.length)) {
    blocks.push(heading(2, r.body.name));
    blocks.push({
      type: "table",
      caption: `Réunions tenues en ${year} : ${r.body.name}`,
      columns: [{ header: "Date", width: 1 }, { header: "Réunion", width: 4 }, { header: "Participants", width: 1 }],
      rows: r.held.map((m) => {
        const count = attendance(m);
        return { cells: [shortDay(m.startedOn), m.title, count === null ? "Non renseigné" : frenchNumber(count)] };
      }),
    });
  }
  return blocks;
}

function fiches(input: AnnualReportInput): Block[] {
  const { year } = input;
  const reference = reportDay(input);
  const blocks: Block[] = [heading(1, "Avancement des fiches actions", true)];
  if (!input.fiches.length) return [...blocks, paragraph("Ce contrat n'a encore aucune fiche action.")];
  const rows: TableRow[] = [];
  for (const axis of [...input.axes].sort((a, b) => a.number - b.number)) {
    const own = input.fiches.filter((f) => f.axisId === axis.id).sort((a, b) => a.number - b.number);
    if (!own.length) continue;
    rows.push({ band: `Axe ${axis.number} — ${axis.title}` });
    for (const f of own) {
      const ms = input.milestones.filter((m) => m.actionId === f.id);
      // The milestones come as they stood at `reference` (the fiche read model), judged by the one status rule.
      const shown = shownStatus(f.mergedIntoId ? "merged" : f.status, ms, reference);
      const planned = ms.filter((m) => inYear(m.plannedBy, year) || inYear(m.originallyBy, year));
      const done = ms.filter((m) => m.doneOn !== null && inYear(m.doneOn, year));
      const progress = input.progress.filter((p) => p.actionId === f.id && inYear(p.happenedOn, year)).sort((a, b) => a.happenedOn.localeCompare(b.happenedOn));
      const lines = progress.slice(0, PROGRESS_SHOWN).map((p) => `${knownDate(p.happenedOn, p.happenedOnPrecision)} : ${flat(p.text)}`);
      if (progress.length > PROGRESS_SHOWN) lines.push(`Et ${plural(progress.length - PROGRESS_SHOWN, "autre point", "autres points")} d'avancement`);
      rows.push({
        cells: [
          `FA ${f.number}`,
          f.title,
          SHOWN_STATUSES[shown],
          planned.length || done.length ? `${plural(done.length, "réalisée")} / ${plural(planned.length, "prévue")}` : "Aucune",
          lines.length ? { lines, bullets: lines.length > 1 } : `Aucun avancement enregistré en ${year}.`,
        ],
      });
    }
  }
  blocks.push({
    type: "table",
    caption: `Avancement des fiches actions en ${year}, par axe`,
    columns: [{ header: "Fiche", width: 1 }, { header: "Intitulé", width: 3 }, { header: "Statut", width: 1.5 }, { header: `Étapes ${year}`, width: 1.5 }, { header: `Avancement ${year}`, width: 5 }],
    rows,
  });
  return blocks;
}

/**
 * The indicators at the end of the year: a table per fiche with a measured indicator, and a chart
 * for each indicator measured more than once (one value is stated in the table); the indicators
 * of the other fiches, never measured, in one table rather than a page of « Non mesuré » each.
 */
function indicatorSection(input: AnnualReportInput): Block[] {
  const { year } = input;
  const end = `${year}-12-31`;
  const blocks: Block[] = [heading(1, "Indicateurs", true)];
  const withIndicators = [...input.fiches].sort((a, b) => a.number - b.number).filter((f) => input.indicators.some((i) => i.actionId === f.id));
  if (!withIndicators.length) return [...blocks, paragraph("Aucune fiche de ce contrat n'a d'indicateur défini.")];
  const seriesOf = (f: AnnualReportInput["fiches"][number]) =>
    input.indicators
      .filter((i) => i.actionId === f.id)
      .sort((a, b) => a.position - b.position)
      .map((i) => ({ indicator: i, points: input.measurements.filter((m) => m.indicatorId === i.id && m.measuredOn <= end).sort((a, b) => a.measuredOn.localeCompare(b.measuredOn)) }));
  const measured = withIndicators.filter((f) => seriesOf(f).some((s) => s.points.length));
  const unmeasured = withIndicators.filter((f) => !measured.includes(f));
  for (const f of measured) {
    const series = seriesOf(f);
    blocks.push(heading(2, `FA ${f.number} — ${f.title}`));
    blocks.push({
      type: "table",
      caption: `Indicateurs de la FA ${f.number} au 31/12/${year}`,
      // « Progression » on one line (1.2 cut it « Progressio/n »).
      columns: [{ header: "Indicateur", width: 3.7 }, { header: "Valeur de départ", width: 1.5 }, { header: "Cible", width: 1.5 }, { header: "Dernière valeur (date)", width: 2 }, { header: "Progression", width: 1.5 }],
      rows: series.map(({ indicator: i, points }) => {
        const last = points.at(-1) ?? null;
        return {
          cells: [
            i.label,
            withUnit(i.baseline, i.unit),
            withUnit(i.target, i.unit),
            last ? `${withUnit(last.value, i.unit)} (${shortDay(last.measuredOn)})` : "Non mesuré",
            percent(progressTowardsTarget(last?.value ?? null, i.baseline, i.target)),
          ],
        };
      }),
    });
    for (const { indicator: i, points } of series.filter((s) => s.points.length > 1)) {
      blocks.push({
        type: "image",
        svg: renderIndicatorSvg({ label: i.label, unit: i.unit, baseline: i.baseline, target: i.target }, points, CHART),
        width: CHART.width * 0.75,
        height: CHART.height * 0.75,
        alt: `Évolution de l'indicateur « ${i.label} » jusqu'au 31/12/${year}`,
      });
    }
  }
  if (!measured.length) blocks.push(paragraph(`Aucun indicateur n'a été mesuré au 31/12/${year}.`, "note"));
  if (unmeasured.length) {
    blocks.push(heading(2, measured.length ? "Indicateurs des autres fiches, non mesurés" : "Indicateurs définis, non mesurés"));
    blocks.push({
      type: "table",
      caption: `Indicateurs sans mesure au 31/12/${year}`,
      columns: [{ header: "Fiche", width: 1 }, { header: "Indicateur", width: 5 }, { header: "Cible", width: 2 }],
      rows: unmeasured.flatMap((f) => seriesOf(f).map(({ indicator: i }) => ({ cells: [`FA ${f.number}`, i.label, withUnit(i.target, i.unit)] }))),
    });
  }
  return blocks;
}

/**
 * Residents' participation: the meetings of residents' bodies, with how many took part. A
 * working group of professionals about participation prepares it; its meetings are listed
 * apart and never counted as residents.
 */
function participation(input: AnnualReportInput, from: string, to: string): Block[] {
  const { year } = input;
  const blocks: Block[] = [heading(1, "Participation des habitants", true)];
  const bodies = new Map(input.bodies.filter((b) => b.participation).map((b) => [b.id, b]));
  const held = input.meetings
    .filter((m) => bodies.has(m.bodyId) && isHeld(m, input.today) && m.startedOn >= from && m.startedOn <= to)
    .sort((a, b) => a.startedOn.localeCompare(b.startedOn) || a.title.localeCompare(b.title));
  if (!held.length) return [...blocks, paragraph(`Aucune rencontre de participation des habitants n'a été tenue en ${year}.`)];
  const withResidents = held.filter((m) => bodies.get(m.bodyId)!.kind === "residents");
  const preparatory = held.filter((m) => bodies.get(m.bodyId)!.kind !== "residents");
  if (withResidents.length) {
    const counts = withResidents.map(attendance);
    const total = counts.reduce<number>((s, c) => s + (c ?? 0), 0);
    const unknown = counts.filter((c) => c === null).length;
    // No count at all is not « 0 participant »: the number is said to be unknown.
    const none = unknown === counts.length;
    const met = `${plural(withResidents.length, "rencontre", "rencontres")} de participation des habitants en ${year}`;
    blocks.push(
      paragraph(
        none
          ? `${met} ; le nombre de participants n'a pas été renseigné.`
          : `${met}, ${plural(total, "participant")} au total` + (unknown ? ` (participants non renseignés pour ${plural(unknown, "rencontre")}).` : "."),
      ),
      {
        type: "table",
        caption: `Rencontres de participation des habitants en ${year}`,
        columns: [{ header: "Date", width: 1 }, { header: "Instance", width: 2.5 }, { header: "Rencontre", width: 4 }, { header: "Participants", width: 1.2 }],
        rows: [
          ...withResidents.map((m, i) => ({ cells: [shortDay(m.startedOn), bodies.get(m.bodyId)!.name, m.title, counts[i] === null ? "Non renseigné" : frenchNumber(counts[i]!)] })),
          { cells: ["", "", { lines: ["Total"], bold: true }, { lines: [none ? "Non renseigné" : frenchNumber(total)], bold: true }] },
        ],
      },
    );
  } else blocks.push(paragraph(`Aucune rencontre avec les habitants n'a été tenue en ${year}.`));
  if (preparatory.length) {
    blocks.push(
      paragraph(
        `La participation des habitants a été préparée en ${plural(preparatory.length, "réunion")} de travail entre professionnels` +
          (withResidents.length ? ", dont les participants ne sont pas comptés parmi les habitants." : "."),
      ),
      {
        type: "table",
        caption: `Réunions de travail sur la participation des habitants en ${year}`,
        columns: [{ header: "Date", width: 1 }, { header: "Instance", width: 3 }, { header: "Réunion", width: 4.7 }],
        rows: preparatory.map((m) => ({ cells: [shortDay(m.startedOn), bodies.get(m.bodyId)!.name, m.title] })),
      },
    );
  }
  return blocks;
}

/**
 * A part the coordination writes (synthesis, outlook): its published text; its draft, marked as
 * such, for the coordination; else Clés's draft from the data, said to be one.
 */
function written(input: AnnualReportInput, key: "synthesis" | "outlook", title: string): Block[] {
  const blocks: Block[] = [heading(1, title, true)];
  const texts = input.texts;
  if (!texts) {
    blocks.push(paragraph("Texte proposé par Clés à partir des données du contrat ; la coordination ne l'a pas encore publié.", "note"));
    return [...blocks, ...htmlToBlocks(key === "synthesis" ? draftSynthesis(input) : draftOutlook(input))];
  }
  if (texts.status === "draft") blocks.push(paragraph("Projet de la coordination, non publié.", "note"));
  const own = htmlToBlocks(texts[key]);
  return [...blocks, ...(own.length ? own : [paragraph("Cette partie n'a pas été rédigée.", "note")])];
}

/** « Perspectives 2022 », or « Perspectives » in the contract's last year. */
const outlookTitle = (input: AnnualReportInput) => (input.contract.endDate < `${input.year + 1}-01-01` ? "Perspectives" : `Perspectives ${input.year + 1}`);

function documents(input: AnnualReportInput): Block[] {
  const { year } = input;
  const blocks: Block[] = [heading(1, "Documents publiés", true)];
  const published = input.publications.filter((p) => inYear(p.publishedOn, year)).sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.number - b.number);
  const shared = input.sharedReviews.filter((r) => inYear(r.sharedOn, year)).sort((a, b) => a.sharedOn.localeCompare(b.sharedOn));
  if (!published.length && !shared.length) return [...blocks, paragraph(`Aucune revue trimestrielle n'a été publiée en ${year}.`)];
  if (published.length) {
    blocks.push(paragraph(`${plural(published.length, "version publiée", "versions publiées")} de revues trimestrielles en ${year}.`));
    blocks.push({
      type: "table",
      caption: `Revues trimestrielles publiées en ${year}`,
      columns: [{ header: "Document", width: 3 }, { header: "Version", width: 1 }, { header: "Publiée le", width: 1.2 }, { header: "Par", width: 2 }, { header: "Correction", width: 3 }],
      rows: published.map((p) => ({ cells: [`Revue trimestrielle T${p.quarter} ${p.year}`, frenchNumber(p.number), shortDay(p.publishedOn), p.publishedByName, p.correctionNote || "—"] })),
    });
  }
  if (shared.length) {
    blocks.push(paragraph(`${plural(shared.length, "revue trimestrielle partagée", "revues trimestrielles partagées")} avec les acteurs du contrat en ${year} hors de Clés.`));
    blocks.push({
      type: "table",
      caption: `Revues trimestrielles partagées hors de Clés en ${year}`,
      columns: [{ header: "Document", width: 3 }, { header: "Partagée le", width: 1.2 }, { header: "Précision", width: 5 }],
      rows: shared.map((r) => ({ cells: [`Revue trimestrielle T${r.quarter} ${r.year}`, shortDay(r.sharedOn), r.note || ""] })),
    });
  }
  return blocks;
}

/** The report of `year`; the year must fall within the contract (see `yearWithinContract`). */
export function buildAnnualReport(input: AnnualReportInput): DocumentModel {
  const { year, contract } = input;
  const period = yearWithinContract(year, contract) ?? { from: `${year}-01-01`, to: `${year}-12-31` };
  const contractPeriod = `${contract.startDate.slice(0, 4)}-${contract.endDate.slice(0, 4)}`;
  return {
    title: `Bilan annuel ${year}`,
    subtitle: contract.name,
    runningHeader: `${contract.name} — Bilan annuel ${year}`,
    note: `Contrat ${contractPeriod} — période couverte : du ${shortDay(period.from)} au ${shortDay(period.to)} — document établi le ${shortDay(input.today)}`,
    author: input.author,
    blocks: [
      ...written(input, "synthesis", "Synthèse de l'année"),
      ...governance(input, period.from, period.to),
      ...fiches(input),
      ...indicatorSection(input),
      ...participation(input, period.from, period.to),
      ...documents(input),
      ...written(input, "outlook", outlookTitle(input)),
    ],
  };
}

/** The plain words of a section list, for page previews that list what the report holds. */
export const ANNUAL_REPORT_SECTIONS = ["Synthèse de l'année", "Gouvernance", "Avancement des fiches actions", "Indicateurs", "Participation des habitants", "Documents publiés", "Perspectives"] as const;

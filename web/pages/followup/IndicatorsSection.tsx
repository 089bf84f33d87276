/** Indicateurs: each indicator's baseline, target, latest value, progress, staleness, chart and dated measurements. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { lazy, Suspense, useRef, useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { useIndicators, useRefreshFollowUp, type Indicator, type Measurement } from "../../api/followup";
import { controlProps, errorProps, FormProblem, idsFor, useFieldErrors, FormButtons, RequiredNote } from "../../components/form";
import { EmptyState } from "../../components/Page";
import { formatDate, formatNumber } from "../../format";
import { focusSection, parseFrenchNumber, Section, SectionError, SectionLoading, todayInParis } from "./kit";
import { ConfirmDelete, useDisclosure } from "../../components/disclosure";

// ECharts is only downloaded by the pages that draw a chart.
const IndicatorChart = lazy(() => import("./IndicatorChart"));

export function IndicatorsSection({ actionId }: { actionId: string }) {
  const indicators = useIndicators(actionId);
  return (
    <Section id="indicateurs" title="Indicateurs">
      {indicators.isPending ? (
        <SectionLoading label="Chargement des indicateurs…" />
      ) : indicators.error ? (
        <SectionError error={indicators.error} title="Les indicateurs n'ont pas pu être chargés" />
      ) : indicators.data.items.length === 0 ? (
        <EmptyState title="Aucun indicateur défini pour cette fiche." />
      ) : (
        indicators.data.items.map((indicator) => <IndicatorBlock key={indicator.id} actionId={actionId} indicator={indicator} canMeasure={indicators.data.permissions.measure} />)
      )}
    </Section>
  );
}

const withUnit = (value: number | null | undefined, unit: string) => (value === null || value === undefined ? "Non renseignée" : `${formatNumber(value)}${unit ? ` ${unit}` : ""}`);

function IndicatorBlock({ actionId, indicator: i, canMeasure }: { actionId: string; indicator: Indicator; canMeasure: boolean }) {
  const adding = useDisclosure();
  const headingId = `indicateur-${i.id}`;
  return (
    <article className="cles-indicator" aria-labelledby={headingId}>
      <h3 id={headingId} className={fr.cx("fr-h5", "fr-mb-1v")}>
        {i.label}
      </h3>
      <p className={fr.cx("fr-text--sm", "fr-mb-2w")}>{`Type : ${i.kindLabel}${i.unit ? ` — unité : ${i.unit}` : ""}`}</p>
      {i.staleMessage && <Alert severity="warning" small description={i.stale && i.latest ? `${i.staleMessage} (dernière mesure le ${formatDate(i.latest.measuredOn)}).` : `${i.staleMessage}.`} className={fr.cx("fr-mb-2w")} />}
      <dl className="cles-dl">
        <dt>Valeur de départ</dt>
        <dd>{withUnit(i.baseline, i.unit)}</dd>
        <dt>Cible</dt>
        <dd>{withUnit(i.target, i.unit)}</dd>
        <dt>Dernière valeur</dt>
        <dd>{i.latest ? `${withUnit(i.latest.value, i.unit)}, le ${formatDate(i.latest.measuredOn)}` : "Aucune mesure"}</dd>
        <dt>Progression vers la cible</dt>
        <dd>
          <ProgressBar progress={i.progress} />
        </dd>
      </dl>
      {i.measurements.length > 0 && (
        <Suspense fallback={<p className="cles-empty">Chargement du graphique…</p>}>
          <IndicatorChart indicator={i} />
        </Suspense>
      )}
      <MeasurementTable actionId={actionId} indicator={i} canMeasure={canMeasure} />
      {canMeasure &&
        (adding.open ? (
          <MeasurementForm actionId={actionId} indicator={i} onClose={adding.close} />
        ) : (
          <Button ref={adding.trigger} type="button" priority="secondary" size="small" iconId="fr-icon-add-line" iconPosition="left" onClick={adding.show}>
            Ajouter une mesure
            <span className={fr.cx("fr-sr-only")}>{` de « ${i.label} »`}</span>
          </Button>
        ))}
    </article>
  );
}

/** The way from baseline to target, as a bar and in words (the words are what counts). */
function ProgressBar({ progress }: { progress: number | null }) {
  if (progress === null) return <span className="cles-empty">Non calculable (valeur, cible ou valeur de départ manquante)</span>;
  const percent = Math.round(progress * 100);
  const filled = Math.max(0, Math.min(100, percent));
  return (
    <span className="cles-progress-line">
      <span className="cles-progress-bar" aria-hidden="true">
        <span className="cles-progress-fill" style={{ width: `${filled}%` }} />
      </span>
      <span>{percent >= 100 ? `Cible atteinte (${formatNumber(percent)} %)` : `${formatNumber(percent)} % du chemin vers la cible`}</span>
    </span>
  );
}

function MeasurementTable({ actionId, indicator: i, canMeasure }: { actionId: string; indicator: Indicator; canMeasure: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  if (i.measurements.length === 0) return <p className="cles-empty">Aucune mesure enregistrée.</p>;
  // Newest first in the table (the chart reads oldest first).
  const rows = [...i.measurements].reverse();
  const columns = canMeasure ? 6 : 5;
  return (
    <div className={fr.cx("fr-table", "fr-table--sm", "fr-mb-2w")}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" tabIndex={0}>
          <div className="fr-table__content">
            <table>
              <caption className={fr.cx("fr-sr-only")}>{`Mesures de l'indicateur « ${i.label} », de la plus récente à la plus ancienne`}</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Valeur</th>
                  <th scope="col">Source</th>
                  <th scope="col">Commentaire</th>
                  <th scope="col">Saisie par</th>
                  {canMeasure && (
                    <th scope="col">
                      <span className={fr.cx("fr-sr-only")}>Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <MeasurementRow key={m.id} actionId={actionId} indicator={i} measurement={m} canMeasure={canMeasure} columns={columns} editing={editing === m.id} onEdit={(on) => setEditing(on ? m.id : null)} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

function MeasurementRow(props: { actionId: string; indicator: Indicator; measurement: Measurement; canMeasure: boolean; columns: number; editing: boolean; onEdit: (on: boolean) => void }) {
  const { actionId, indicator, measurement: m, canMeasure, columns, editing, onEdit } = props;
  const refresh = useRefreshFollowUp(actionId);
  const remove = useMutation({
    mutationFn: () => api(`/measurements/${m.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      await refresh("indicators");
      focusSection("indicateurs");
    },
  });
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => {
    onEdit(false);
    window.setTimeout(() => trigger.current?.focus());
  };
  const what = `la mesure du ${formatDate(m.measuredOn)}`;
  return (
    <>
      <tr>
        <td className="cles-nowrap">{formatDate(m.measuredOn)}</td>
        <td className="cles-nowrap">{withUnit(m.value, indicator.unit)}</td>
        <td>{m.source || "—"}</td>
        <td className="cles-prewrap">{m.comment || "—"}</td>
        <td>{m.authorName}</td>
        {canMeasure && (
          <td>
            <div className="cles-followup-actions cles-followup-actions--cell">
              <Button ref={trigger} type="button" size="small" priority="tertiary" iconId="fr-icon-edit-line" iconPosition="left" onClick={() => (editing ? close() : onEdit(true))} aria-expanded={editing}>
                Corriger
                <span className={fr.cx("fr-sr-only")}>{` ${what}`}</span>
              </Button>
              <ConfirmDelete label="Supprimer" what={what} onConfirm={() => remove.mutate()} pending={remove.isPending} />
            </div>
          </td>
        )}
      </tr>
      {remove.error && (
        <tr>
          <td colSpan={columns}>
            <Alert severity="error" small role="alert" description={remove.error.message} />
          </td>
        </tr>
      )}
      {editing && (
        <tr>
          <td colSpan={columns}>
            <MeasurementForm actionId={actionId} indicator={indicator} measurement={m} onClose={close} />
          </td>
        </tr>
      )}
    </>
  );
}

function MeasurementForm({ actionId, indicator, measurement, onClose }: { actionId: string; indicator: Indicator; measurement?: Measurement; onClose: () => void }) {
  const refresh = useRefreshFollowUp(actionId);
  const id = idsFor(measurement ? `mesure-${measurement.id}` : `mesure-nouvelle-${indicator.id}`);
  const [measuredOn, setMeasuredOn] = useState(measurement?.measuredOn ?? todayInParis());
  const [value, setValue] = useState(measurement ? String(measurement.value).replace(".", ",") : "");
  const [source, setSource] = useState(measurement?.source ?? "");
  const [comment, setComment] = useState(measurement?.comment ?? "");
  const form = useFieldErrors();
  const save = useMutation({
    mutationFn: (number: number) => {
      const body = { measuredOn, value: number, source, comment };
      return measurement
        ? api(`/measurements/${measurement.id}`, { method: "PUT", body: { ...body, version: measurement.version } })
        : api(`/actions/${actionId}/measurements`, { method: "POST", body: { ...body, indicatorId: indicator.id } });
    },
    onSuccess: async () => {
      await refresh("indicators");
      onClose();
    },
    onError: form.onError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const number = parseFrenchNumber(value);
    if (number === null) return form.setErrors({ value: "Indiquez la valeur mesurée (un nombre, par exemple 12,5)." });
    form.clear();
    save.mutate(number);
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="cles-followup-form" aria-label={measurement ? `Corriger la mesure du ${formatDate(measurement.measuredOn)}` : `Nouvelle mesure de « ${indicator.label} »`}>
      <RequiredNote />
      <FormProblem error={save.error} errors={form.errors} shown={["measuredOn", "value", "source", "comment"]} what="cette mesure" onReload={() => void refresh("indicators").then(onClose)} />
      <div className="cles-followup-fields">
        <Input label="Date de la mesure" {...errorProps(form.errors, "measuredOn")} nativeInputProps={{ id: id("measuredOn"), ...controlProps(form.errors, "measuredOn", { required: true }), type: "date", value: measuredOn, max: todayInParis(), onChange: (e) => setMeasuredOn(e.target.value), autoFocus: true }} />
        <Input
          label={`Valeur${indicator.unit ? ` (${indicator.unit})` : ""}`}
          {...errorProps(form.errors, "value")}
          nativeInputProps={{ id: id("value"), ...controlProps(form.errors, "value", { required: true }), inputMode: "decimal", value, onChange: (e) => setValue(e.target.value) }}
        />
        <Input label="Source (facultatif)" hintText="Enquête, base de données, rapport…" {...errorProps(form.errors, "source")} nativeInputProps={{ id: id("source"), ...controlProps(form.errors, "source"), value: source, onChange: (e) => setSource(e.target.value) }} />
      </div>
      <Input textArea label="Commentaire (facultatif)" {...errorProps(form.errors, "comment")} nativeTextAreaProps={{ id: id("comment"), ...controlProps(form.errors, "comment"), rows: 2, value: comment, onChange: (e) => setComment(e.target.value) }} />
      <FormButtons pending={save.isPending} label={measurement ? "Enregistrer la correction" : "Enregistrer la mesure"} onCancel={onClose} />
    </form>
  );
}

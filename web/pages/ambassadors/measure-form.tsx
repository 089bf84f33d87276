/**
 * « Enregistrer comme mesure »: one count of the network over a period becomes a measurement
 * of a fiche's indicator. Choose the fiche (those the trainings and activities are linked to
 * come first; the only one is chosen) and its indicator (chosen when the fiche has one), the
 * period and the day of the measure; the value counted for that period is shown; a
 * confirmation records it.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { followUpKeys } from "../../api/followup";
import type { ResponseOf } from "../../api/types";
import { formatDate, formatNumber, todayInParis } from "../../format";
import { useNetwork, useRecordMeasurement, type MeasureKey } from "./api";
import { totalOf, type Period } from "./drafts";
import { RequiredNote } from "../../components/form";
import { useFormErrors } from "./form-kit";

type Indicators = ResponseOf<"/api/actions/{actionId}/indicators", "get">;

const useFicheIndicators = (actionId: string) =>
  useQuery({ enabled: !!actionId, queryKey: followUpKeys.part(actionId, "indicators"), queryFn: ({ signal }) => api<Indicators>(`/actions/${actionId}/indicators`, { signal }) });

/** The visible labels, which the error summary names its errors by (« Ce qui est compté » is no field). */
const LABELS: Record<string, string> = { actionId: "Fiche", indicatorId: "Indicateur", from: "Du", to: "Au", measuredOn: "Date de la mesure", measure: "Ce qui est compté" };

export function MeasureForm({ contractId, measure, label, period, fiches, linked, onDone, onCancel }: {
  contractId: string;
  measure: MeasureKey;
  label: string;
  period: Period;
  fiches: { id: string; number: number; title: string }[];
  linked: string[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const today = todayInParis();
  const [actionId, setActionId] = useState(linked.length === 1 ? linked[0]! : "");
  const [indicatorId, setIndicatorId] = useState("");
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [measuredOn, setMeasuredOn] = useState(today);
  const [confirming, setConfirming] = useState(false);
  const form = useFormErrors(`mesure-${measure}`, LABELS);
  const indicators = useFicheIndicators(actionId);
  const preview = useNetwork(contractId, { from, to }, confirming);
  const record = useRecordMeasurement(contractId);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const fiche = fiches.find((f) => f.id === actionId);
  const indicator = indicators.data?.items.find((i) => i.id === indicatorId);
  // The value of the period asked, never the previous period's shown while it is counted.
  const value = preview.data && !preview.isPlaceholderData ? totalOf(measure, preview.data.totals) : null;
  const linkedFiches = fiches.filter((f) => linked.includes(f.id));
  // Once the value is counted, the focus goes to the confirmation (Enter records it).
  const ready = confirming && value !== null;
  useEffect(() => {
    if (ready) confirmRef.current?.focus();
  }, [ready]);
  const otherFiches = fiches.filter((f) => !linked.includes(f.id));
  // A fiche with one indicator: it is the one (with one linked fiche too, the count is a click away).
  const only = indicators.data?.items.length === 1 ? indicators.data.items[0]!.id : null;
  useEffect(() => {
    if (only && !indicatorId) setIndicatorId(only);
  }, [only, indicatorId]);

  const ask = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!actionId) errors.actionId = "Choisissez la fiche.";
    if (!indicatorId) errors.indicatorId = "Choisissez l'indicateur de la fiche.";
    if (!from) errors.from = "Indiquez le début de la période.";
    if (!to) errors.to = "Indiquez la fin de la période.";
    else if (from && to < from) errors.to = "La fin de la période ne peut pas précéder son début.";
    if (!measuredOn) errors.measuredOn = "Indiquez la date de la mesure.";
    else if (measuredOn > today) errors.measuredOn = "Une mesure se rapporte à une date passée ou à aujourd'hui.";
    if (Object.keys(errors).length) return form.set(errors);
    form.clear();
    setConfirming(true);
  };
  const confirm = () =>
    record.mutate(
      { indicatorId, measure, from, to, measuredOn },
      {
        onSuccess: (r) => onDone(`Mesure enregistrée : ${formatNumber(r.value)} pour l'indicateur « ${indicator?.label ?? ""} » de la FA ${fiche?.number ?? ""}, au ${formatDate(measuredOn)}.`),
        onError: (error) => {
          form.fromApi(error);
          setConfirming(false);
        },
      },
    );

  return (
    <form onSubmit={ask} noValidate aria-label={`Enregistrer « ${label} » comme mesure d'un indicateur`} className="cles-amb-form">
      {form.summary}
      <RequiredNote all />
      {!confirming && form.problem(record.error, "cette mesure")}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Select
          className={fr.cx("fr-col-12", "fr-col-md-6")}
          label="Fiche"
          hint="Les fiches liées aux formations et actions affichées viennent en premier."
          {...form.props("actionId")}
          nativeSelectProps={{
            ...form.control("actionId", true),
            id: form.id("actionId"),
            value: actionId,
            disabled: confirming,
            autoFocus: true,
            onChange: (e) => {
              setActionId(e.target.value);
              setIndicatorId("");
            },
          }}
        >
          <option value="">Choisir la fiche</option>
          {linkedFiches.length > 0 && (
            <optgroup label="Fiches liées">
              {linkedFiches.map((f) => (
                <option key={f.id} value={f.id}>{`FA ${f.number} — ${f.title}`}</option>
              ))}
            </optgroup>
          )}
          <optgroup label={linkedFiches.length ? "Autres fiches" : "Fiches du contrat"}>
            {otherFiches.map((f) => (
              <option key={f.id} value={f.id}>{`FA ${f.number} — ${f.title}`}</option>
            ))}
          </optgroup>
        </Select>
        <Select
          className={fr.cx("fr-col-12", "fr-col-md-6")}
          label="Indicateur"
          hint={!actionId ? "Choisissez d'abord la fiche." : indicators.isPending ? "Chargement des indicateurs…" : indicators.data?.items.length === 0 ? "Cette fiche n'a aucun indicateur." : undefined}
          {...form.props("indicatorId")}
          nativeSelectProps={{ ...form.control("indicatorId", true), id: form.id("indicatorId"), value: indicatorId, disabled: confirming || !indicators.data?.items.length, onChange: (e) => setIndicatorId(e.target.value) }}
        >
          <option value="">Choisir l'indicateur</option>
          {indicators.data?.items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </Select>
        <Input className={fr.cx("fr-col-12", "fr-col-md-4")} label="Du" {...form.props("from")} nativeInputProps={{ ...form.control("from", true), id: form.id("from"), type: "date", value: from, disabled: confirming, onChange: (e) => setFrom(e.target.value) }} />
        <Input className={fr.cx("fr-col-12", "fr-col-md-4")} label="Au" {...form.props("to")} nativeInputProps={{ ...form.control("to", true), id: form.id("to"), type: "date", value: to, disabled: confirming, onChange: (e) => setTo(e.target.value) }} />
        <Input className={fr.cx("fr-col-12", "fr-col-md-4")} label="Date de la mesure" {...form.props("measuredOn")} nativeInputProps={{ ...form.control("measuredOn", true), id: form.id("measuredOn"), type: "date", max: today, value: measuredOn, disabled: confirming, onChange: (e) => setMeasuredOn(e.target.value) }} />
      </div>
      {indicators.error && <Alert severity="error" small role="alert" description={indicators.error.message} className={fr.cx("fr-mb-2w")} />}
      {confirming ? (
        <div className="cles-amb-confirm" role="group" aria-label="Confirmation">
          {preview.isPending || preview.isPlaceholderData ? (
            <p role="status">Calcul de la valeur…</p>
          ) : preview.error ? (
            <Alert severity="error" small role="alert" description={preview.error.message} />
          ) : (
            <p>{`Enregistrer la valeur ${formatNumber(value ?? 0)} (${label.toLowerCase()} du ${formatDate(from)} au ${formatDate(to)}) comme mesure de l'indicateur « ${indicator?.label ?? ""} » de la FA ${fiche?.number ?? ""}, à la date du ${formatDate(measuredOn)} ?`}</p>
          )}
          {record.error && <Alert severity="error" small role="alert" description={record.error.message} className={fr.cx("fr-mb-2w")} />}
          <div className="cles-followup-actions">
            <Button ref={confirmRef} type="button" size="small" disabled={record.isPending || value === null} onClick={confirm}>
              {record.isPending ? "Enregistrement…" : "Confirmer l'enregistrement"}
            </Button>
            <Button type="button" size="small" priority="tertiary" onClick={() => setConfirming(false)}>
              Modifier
            </Button>
            <Button type="button" size="small" priority="tertiary" onClick={onCancel}>
              Annuler
            </Button>
          </div>
        </div>
      ) : (
        <div className="cles-followup-actions">
          <Button type="submit" size="small">
            Vérifier la valeur
          </Button>
          <Button type="button" size="small" priority="tertiary" onClick={onCancel}>
            Annuler
          </Button>
        </div>
      )}
    </form>
  );
}

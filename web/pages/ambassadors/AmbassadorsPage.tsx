/**
 * Health ambassadors of a contract (issue 14, item 7; CAPVM FA 16): the network per priority
 * area in numbers (every reader of the contract), the roster (the coordination only), the
 * trainings and the activities over a period, and each count recordable as a measurement of
 * a fiche's indicator.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { useMeetings } from "../../api/governance";
import { useActions, useContract } from "../../api/queries";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate, formatNumber, todayInParis } from "../../format";
import { useNetwork, useRoster, type Network } from "./api";
import { linkedFicheIds, measurePeriod, type Period } from "./drafts";
import { MeasuredCount, type MeasureContext } from "./measured-count";
import type { Choices } from "./record-forms";
import { ActivitiesSection, TrainingsSection } from "./records-section";
import { RosterSection } from "./roster-section";
import "./ambassadors.css";

export function AmbassadorsPage() {
  const { contractId = "" } = useParams();
  const [period, setPeriod] = useState<Period>({ from: "", to: "" });
  const contract = useContract(contractId);
  const network = useNetwork(contractId, period);
  const manage = network.data?.permissions.manage ?? false;
  const readResidents = network.data?.permissions.readResidents ?? false;
  const fiches = useActions(contractId, {});
  const meetings = useMeetings(contractId);
  const roster = useRoster(contractId, readResidents);
  if (contract.isPending || network.isPending) return <Loading label="Chargement du réseau des ambassadeurs…" />;
  if (contract.error || network.error) return <ErrorMessage error={contract.error ?? network.error} title="Le réseau des ambassadeurs n'a pas pu être chargé" />;
  const c = contract.data;
  const n = network.data;
  const choices: Choices = {
    fiches: (fiches.data?.items ?? []).map((f) => ({ id: f.id, number: f.number, title: f.title })),
    meetings: (meetings.data?.items ?? []).map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt })),
    people: roster.data?.items ?? null,
    areas: n.areas,
    kinds: n.vocabulary.activityKinds,
  };
  const measures: MeasureContext = {
    contractId,
    manage,
    period: measurePeriod(period, todayInParis()),
    fiches: choices.fiches,
    linked: linkedFicheIds([...n.trainings, ...n.activities]),
    labels: Object.fromEntries(n.vocabulary.measures.map((m) => [m.key, m.label])),
  };
  return (
    <Page
      title="Ambassadeurs santé"
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
      ]}
    >
      <p>
        Des habitants des quartiers prioritaires, formés pour relayer les messages de santé auprès de leurs voisins et participer au contrat local de santé. Les partenaires et l'ARS voient le réseau en
        chiffres ; seule la coordination connaît les personnes.
      </p>
      <PeriodForm period={period} onChange={setPeriod} />
      <NetworkSection network={n} measures={measures} />
      {readResidents && <RosterSection contractId={contractId} areas={n.areas} manage={manage} />}
      <TrainingsSection contractId={contractId} network={n} choices={choices} measures={measures} />
      <ActivitiesSection contractId={contractId} network={n} choices={choices} measures={measures} />
    </Page>
  );
}

/** The period the page counts over; empty ends: since the beginning, until today. */
function PeriodForm({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [error, setError] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (from && to && to < from) return setError("La fin de la période ne peut pas précéder son début.");
    setError("");
    onChange({ from, to });
  };
  const reset = () => {
    setFrom("");
    setTo("");
    setError("");
    onChange({ from: "", to: "" });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="periode" className={fr.cx("fr-mb-4w")}>
      <h2 id="periode" className={fr.cx("fr-h6", "fr-mb-1w")}>
        Période
      </h2>
      <div className="cles-amb-period">
        <Input label="Du (facultatif)" nativeInputProps={{ id: "periode-from", type: "date", value: from, onChange: (e) => setFrom(e.target.value) }} />
        <Input
          label="Au (facultatif)"
          hintText="Sans date : jusqu'à aujourd'hui."
          state={error ? "error" : "default"}
          stateRelatedMessage={error}
          nativeInputProps={{ id: "periode-to", ...(error ? { "aria-invalid": true } : {}), type: "date", value: to, onChange: (e) => setTo(e.target.value) }}
        />
        <div className="cles-followup-actions">
          <Button type="submit" size="small">
            Afficher
          </Button>
          <Button type="button" size="small" priority="tertiary" onClick={reset}>
            Toute la période
          </Button>
        </div>
      </div>
    </form>
  );
}

function periodWords(p: Network["period"]): string {
  return p.from ? `du ${formatDate(p.from)} au ${formatDate(p.to)}` : `jusqu'au ${formatDate(p.to)}`;
}

/** Per priority area: ambassadors active and trained, activities, residents reached — counts only, for every reader. */
function NetworkSection({ network: n, measures }: { network: Network; measures: MeasureContext }) {
  const t = n.totals;
  return (
    <section aria-labelledby="reseau" className={fr.cx("fr-mb-6w")}>
      <h2 id="reseau" className={fr.cx("fr-h4")}>
        Le réseau par quartier prioritaire
      </h2>
      <p className={fr.cx("fr-text--sm")} aria-live="polite">{`Chiffres ${periodWords(n.period)}. Un ambassadeur est compté actif s'il a fait partie du réseau pendant la période${n.period.from ? "" : " (sans date de début : à la dernière date)"}.`}</p>
      {n.areas.length === 0 ? (
        <p className="cles-empty">Ce contrat ne compte aucun quartier prioritaire.</p>
      ) : (
        <div className={fr.cx("fr-table", "fr-table--sm", "fr-table--no-caption")}>
          <div className="fr-table__wrapper">
            <div className="fr-table__container" tabIndex={0}>
              <div className="fr-table__content">
                <table>
                  <caption>Le réseau des ambassadeurs santé par quartier prioritaire</caption>
                  <thead>
                    <tr>
                      <th scope="col">Quartier prioritaire</th>
                      <th scope="col">Ambassadeurs actifs</th>
                      <th scope="col">Ambassadeurs formés</th>
                      <th scope="col">Actions menées</th>
                      <th scope="col">Habitants touchés</th>
                    </tr>
                  </thead>
                  <tbody>
                    {n.areas.map((a) => (
                      <tr key={a.id}>
                        <th scope="row">{a.name}</th>
                        <td>{formatNumber(a.activeAmbassadors)}</td>
                        <td>{formatNumber(a.trainedAmbassadors)}</td>
                        <td>{formatNumber(a.activities)}</td>
                        <td>{formatNumber(a.residentsReached)}</td>
                      </tr>
                    ))}
                    {n.elsewhere.activities > 0 && (
                      <tr>
                        <th scope="row">Hors quartier prioritaire ou tout le territoire</th>
                        <td>—</td>
                        <td>—</td>
                        <td>{formatNumber(n.elsewhere.activities)}</td>
                        <td>{formatNumber(n.elsewhere.residentsReached)}</td>
                      </tr>
                    )}
                    <tr>
                      <th scope="row">Total</th>
                      <td>{formatNumber(t.activeAmbassadors)}</td>
                      <td>{formatNumber(t.trainedAmbassadors)}</td>
                      <td>{formatNumber(t.activities)}</td>
                      <td>{formatNumber(t.residentsReached)}</td>
                    </tr>
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
      <ul className="cles-amb-counts">
        <MeasuredCount context={measures} measure="active_ambassadors" value={t.activeAmbassadors} words={t.activeAmbassadors > 1 ? "ambassadeurs actifs" : "ambassadeur actif"} />
      </ul>
    </section>
  );
}

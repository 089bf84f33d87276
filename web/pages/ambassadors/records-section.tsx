/**
 * The trainings of the ambassadors and the activities they led over the period: tables with
 * their counts (no names), each count recordable as a measurement; the coordination adds,
 * changes and deletes them.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Fragment, useRef, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { ConfirmDelete, useDisclosure } from "../../components/disclosure";
import { formatDate, plural } from "../../format";
import { useDeleteRecord, type Activity, type Network, type Training } from "./api";
import { MeasuredCount, type MeasureContext } from "./measured-count";
import { ActivityForm, TrainingForm, type Choices } from "./record-forms";

interface Props {
  contractId: string;
  network: Network;
  choices: Choices;
  measures: MeasureContext;
}

function Fiches({ contractId, ids, choices }: { contractId: string; ids: string[]; choices: Choices }) {
  if (!ids.length) return <span className="cles-empty">—</span>;
  return (
    <>
      {ids.map((id, i) => {
        const f = choices.fiches.find((x) => x.id === id);
        return (
          <Fragment key={id}>
            {i > 0 && ", "}
            {f ? <Link to={`/contrats/${contractId}/fiches/${id}`}>{`FA ${f.number}`}</Link> : "fiche"}
          </Fragment>
        );
      })}
    </>
  );
}

/** A table of the DSFR with its caption said, not shown. */
function Table({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    <div className={fr.cx("fr-table", "fr-table--sm", "fr-table--no-caption")}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" tabIndex={0}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{children}</tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

/** The section's heading, its polite message, and the focus coming back to it once a row is gone. */
function useSaid() {
  const [said, setSaidState] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  return {
    heading,
    said,
    quiet: setSaidState,
    say: (message: string) => {
      setSaidState(message);
      heading.current?.focus();
    },
    status: (
      <p role="status" className={said ? fr.cx("fr-text--bold") : fr.cx("fr-sr-only")}>
        {said}
      </p>
    ),
  };
}

/** A row's « Modifier » (opens its form below it) and « Supprimer » (asks first). */
function RowActions({ what, editing, onEdit, removing, onRemove }: { what: string; editing: boolean; onEdit: () => void; removing: boolean; onRemove: () => void }) {
  return (
    <div className="cles-amb-actions">
      <Button type="button" size="small" priority="tertiary" iconId="fr-icon-edit-line" iconPosition="left" aria-expanded={editing} onClick={onEdit}>
        Modifier<span className={fr.cx("fr-sr-only")}>{` ${what}`}</span>
      </Button>
      <ConfirmDelete label="Supprimer" what={what} pending={removing} onConfirm={onRemove} />
    </div>
  );
}

/** The form of a new record once opened, else the button that opens it. */
function AddRecord({ label, adding, onOpen, children }: { label: string; adding: ReturnType<typeof useDisclosure>; onOpen: () => void; children: ReactNode }) {
  if (adding.open) return <>{children}</>;
  return (
    <Button
      ref={adding.trigger}
      type="button"
      priority="secondary"
      iconId="fr-icon-add-line"
      onClick={() => {
        onOpen();
        adding.show();
      }}
    >
      {label}
    </Button>
  );
}

export function TrainingsSection({ contractId, network: n, choices, measures }: Props) {
  const manage = n.permissions.manage;
  const adding = useDisclosure();
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useDeleteRecord(contractId, "ambassador-trainings");
  const s = useSaid();
  const meeting = (id: string | null) => choices.meetings.find((m) => m.id === id)?.title;
  const columns = manage ? 6 : 5;
  return (
    <section aria-labelledby="formations" className={fr.cx("fr-mb-6w")}>
      <h2 id="formations" ref={s.heading} tabIndex={-1} className={fr.cx("fr-h4")}>
        Formations des ambassadeurs
      </h2>
      <ul className="cles-amb-counts">
        <MeasuredCount context={measures} measure="trainings" value={n.totals.trainings} words={n.totals.trainings > 1 ? "formations" : "formation"} />
        <MeasuredCount context={measures} measure="people_trained" value={n.totals.trainedAmbassadors} words={n.totals.trainedAmbassadors > 1 ? "ambassadeurs formés" : "ambassadeur formé"} />
      </ul>
      {s.status}
      {n.trainings.length === 0 ? (
        <p className="cles-empty">Aucune formation sur la période.</p>
      ) : (
        <Table caption="Formations des ambassadeurs sur la période" head={["Date", "Thème", "Intervenant", "Participants", "Fiches", ...(manage ? ["Actions"] : [])]}>
          {n.trainings.map((t: Training) => (
            <Fragment key={t.id}>
              <tr>
                <td className="cles-nowrap">{formatDate(t.heldOn)}</td>
                <th scope="row">
                  {t.topic}
                  {t.meetingId && <span className={fr.cx("fr-hint-text")}>{`Réunion : ${meeting(t.meetingId) ?? "du contrat"}`}</span>}
                </th>
                <td>{t.trainer || "—"}</td>
                <td>{t.attendeeCount}</td>
                <td>
                  <Fiches contractId={contractId} ids={t.actionIds} choices={choices} />
                </td>
                {manage && (
                  <td>
                    <RowActions what={`la formation du ${formatDate(t.heldOn)}`} editing={editing === t.id} onEdit={() => setEditing(editing === t.id ? null : t.id)} removing={remove.isPending} onRemove={() => remove.mutate(t.id, { onSuccess: () => s.say("La formation est supprimée.") })} />
                  </td>
                )}
              </tr>
              {editing === t.id && (
                <tr>
                  <td colSpan={columns}>
                    <TrainingForm contractId={contractId} choices={choices} training={t} onDone={(m) => {
                        setEditing(null);
                        s.say(m);
                      }} onCancel={() => setEditing(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </Table>
      )}
      {remove.error && <Alert severity="error" small role="alert" description={remove.error.message} className={fr.cx("fr-mb-2w")} />}
      {manage && (
        <AddRecord label="Ajouter une formation" adding={adding} onOpen={() => s.quiet("")}>
          <TrainingForm contractId={contractId} choices={choices} onDone={(m) => {
              adding.close();
              s.quiet(m);
            }} onCancel={adding.close} />
        </AddRecord>
      )}
    </section>
  );
}

export function ActivitiesSection({ contractId, network: n, choices, measures }: Props) {
  const manage = n.permissions.manage;
  const adding = useDisclosure();
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useDeleteRecord(contractId, "ambassador-activities");
  const s = useSaid();
  const area = (id: string | null) => (id ? (choices.areas.find((a) => a.id === id)?.name ?? "—") : "Hors quartier prioritaire");
  const columns = manage ? 7 : 6;
  return (
    <section aria-labelledby="actions-menees" className={fr.cx("fr-mb-6w")}>
      <h2 id="actions-menees" ref={s.heading} tabIndex={-1} className={fr.cx("fr-h4")}>
        Actions menées par les ambassadeurs
      </h2>
      <ul className="cles-amb-counts">
        <MeasuredCount context={measures} measure="activities" value={n.totals.activities} words={n.totals.activities > 1 ? "actions menées" : "action menée"} />
        <MeasuredCount context={measures} measure="residents_reached" value={n.totals.residentsReached} words={n.totals.residentsReached > 1 ? "habitants touchés" : "habitant touché"} />
      </ul>
      {s.status}
      {n.activities.length === 0 ? (
        <p className="cles-empty">Aucune action sur la période.</p>
      ) : (
        <Table caption="Actions menées par les ambassadeurs sur la période" head={["Date", "Action", "Quartier", "Habitants touchés", "Ambassadeurs", "Fiches", ...(manage ? ["Actions"] : [])]}>
          {n.activities.map((a: Activity) => (
            <Fragment key={a.id}>
              <tr>
                <td className="cles-nowrap">{formatDate(a.heldOn)}</td>
                <th scope="row">
                  {`${a.kindLabel} — ${a.place}`}
                  {a.description && <span className={fr.cx("fr-hint-text")}>{a.description}</span>}
                </th>
                <td>{area(a.priorityAreaId)}</td>
                <td>{a.residentsReached}</td>
                <td>{plural(a.ambassadorCount, "personne")}</td>
                <td>
                  <Fiches contractId={contractId} ids={a.actionIds} choices={choices} />
                </td>
                {manage && (
                  <td>
                    <RowActions what={`l'action du ${formatDate(a.heldOn)}`} editing={editing === a.id} onEdit={() => setEditing(editing === a.id ? null : a.id)} removing={remove.isPending} onRemove={() => remove.mutate(a.id, { onSuccess: () => s.say("L'action est supprimée.") })} />
                  </td>
                )}
              </tr>
              {editing === a.id && (
                <tr>
                  <td colSpan={columns}>
                    <ActivityForm contractId={contractId} choices={choices} activity={a} onDone={(m) => {
                        setEditing(null);
                        s.say(m);
                      }} onCancel={() => setEditing(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </Table>
      )}
      {remove.error && <Alert severity="error" small role="alert" description={remove.error.message} className={fr.cx("fr-mb-2w")} />}
      {manage && (
        <AddRecord label="Ajouter une action" adding={adding} onOpen={() => s.quiet("")}>
          <ActivityForm contractId={contractId} choices={choices} onDone={(m) => {
              adding.close();
              s.quiet(m);
            }} onCancel={adding.close} />
        </AddRecord>
      )}
    </section>
  );
}

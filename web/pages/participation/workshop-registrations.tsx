/**
 * The registrations of a workshop, read by the coordination only (residents' personal data):
 * who, status, where from, sessions chosen and attended, how registered; cancel a registration
 * (the place goes to the waitlist), note attendance, export one person's data, erase it.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef, useState } from "react";
import { AGE_BANDS, CONTACT_WAYS, QPV_NONE, QPV_UNKNOWN, REGISTRATION_STATUSES } from "../../../server/shared";
import type { Contract } from "../../api/queries";
import { registrationExportUrl, useCancelResident, useEraseResident, useRegistrations, useSetAttendance, type Registration, type Workshop } from "../../api/workshops";
import { ConfirmDelete } from "../../components/disclosure";
import { plural } from "../../format";

const STATUS_SEVERITY = { registered: "success", waitlisted: "warning", cancelled: undefined } as const;

/** A button that asks once more before doing something that cannot be undone; the focus follows. */
function ConfirmButton({ label, confirm, what, onConfirm, pending }: { label: string; confirm: string; what: string; onConfirm: () => void; pending: boolean }) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) (asking ? yes : ask).current?.focus();
  }, [asking]);
  const set = (on: boolean) => {
    moved.current = true;
    setAsking(on);
  };
  const sr = <span className={fr.cx("fr-sr-only")}>{` ${what}`}</span>;
  if (!asking)
    return (
      <Button ref={ask} type="button" size="small" priority="tertiary" onClick={() => set(true)}>
        {label}
        {sr}
      </Button>
    );
  return (
    <span className="cles-confirm">
      <Button ref={yes} type="button" size="small" onClick={onConfirm} disabled={pending}>
        {confirm}
        {sr}
      </Button>
      <Button type="button" size="small" priority="tertiary" onClick={() => set(false)}>
        Ne pas annuler
      </Button>
    </span>
  );
}

/** Attendance per session: ticked, it is saved at once. */
function Attendance({ workshop: w, registration: r }: { workshop: Workshop; registration: Registration }) {
  const save = useSetAttendance(w.id);
  const name = `${r.firstName} ${r.lastName}`;
  return (
    <fieldset className="cles-attendance" disabled={save.isPending}>
      <legend className={fr.cx("fr-sr-only")}>{`Présence de ${name}`}</legend>
      {w.sessions.map((s, i) => {
        const id = `presence-${r.id}-${s.id}`;
        const checked = r.attendedSessionIds.includes(s.id);
        return (
          <div key={s.id} className={fr.cx("fr-checkbox-group", "fr-checkbox-group--sm")}>
            <input
              id={id}
              type="checkbox"
              checked={checked}
              onChange={(e) =>
                save.mutate({ registrationId: r.id, sessionIds: w.sessions.map((x) => x.id).filter((x) => (x === s.id ? e.target.checked : r.attendedSessionIds.includes(x))) })
              }
            />
            <label className={fr.cx("fr-label")} htmlFor={id}>
              {`Séance ${i + 1}`}
              <span className={fr.cx("fr-sr-only")}>{` : ${name} présent ou présente`}</span>
            </label>
          </div>
        );
      })}
      {save.error && <p className={fr.cx("fr-error-text")}>{save.error.message}</p>}
    </fieldset>
  );
}

export function RegistrationsSection({ workshop: w, contract: c }: { workshop: Workshop; contract: Contract }) {
  const list = useRegistrations(w.id, w.permissions.readResidents);
  const cancel = useCancelResident(w);
  const erase = useEraseResident(w);
  const [said, setSaidState] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  // The row's button is gone (erased) or replaced (cancelled): the focus goes back to the section's title, the message is said.
  const setSaid = (message: string) => {
    setSaidState(message);
    heading.current?.focus();
  };
  const communes = new Map(c.communes.map((x) => [x.inseeCode, x.name]));
  const areas = new Map(w.priorityAreas.map((a) => [a.id, a.name]));
  const qpv = (value: string) => (value === QPV_NONE ? "hors QPV" : value === QPV_UNKNOWN ? "QPV : ne sait pas" : `QPV ${areas.get(value) ?? "du territoire"}`);
  const sessionNumbers = (ids: string[]) =>
    w.sessions
      .flatMap((s, i) => (ids.includes(s.id) ? [String(i + 1)] : []))
      .join(", ") || "aucune";
  const contact = (r: Registration) => (r.contactWay === "email" ? r.email : r.contactWay === "phone" ? r.phone : `${CONTACT_WAYS.partner.toLowerCase()} : ${r.partnerName}`);

  const items = list.data?.items ?? [];
  const count = (status: Registration["status"]) => items.filter((r) => r.status === status).length;
  return (
    <section aria-labelledby="inscriptions" className={fr.cx("fr-mb-6w")}>
      <h2 id="inscriptions" ref={heading} tabIndex={-1} className={fr.cx("fr-h4")}>
        Inscriptions
      </h2>
      <p className={fr.cx("fr-text--sm")}>Données personnelles : seule la coordination du contrat les lit. Elles ne figurent ni sur les pages publiques, ni dans les exports du contrat.</p>
      <p role="status" className={said ? fr.cx("fr-text--bold") : fr.cx("fr-sr-only")}>
        {said}
      </p>
      {list.isPending && <p>Chargement des inscriptions…</p>}
      {list.error && <Alert severity="error" small role="alert" description={list.error.message} />}
      {list.data && items.length === 0 && <p className="cles-empty">Personne n'est encore inscrit.</p>}
      {items.length > 0 && (
        <>
          <p>{`${plural(count("registered"), "personne inscrite", "personnes inscrites")}, ${plural(count("waitlisted"), "en liste d'attente", "en liste d'attente")}, ${plural(count("cancelled"), "annulation")}.`}</p>
          <Alert
            severity="warning"
            small
            className={fr.cx("fr-mb-2w")}
            description="« Effacer » supprime définitivement toutes les données de la personne (droit à l'effacement) : sa place va à la première personne en liste d'attente ; les synthèses et les comptes anonymes restent. Exportez d'abord ses données si elle les demande."
          />
          <div className={fr.cx("fr-table", "fr-table--sm", "fr-table--no-caption")}>
            <div className="fr-table__wrapper">
              <div className="fr-table__container" tabIndex={0}>
                <div className="fr-table__content">
                  <table>
                    <caption>Inscriptions à l'atelier</caption>
                    <thead>
                      <tr>
                        <th scope="col">Personne</th>
                        <th scope="col">Statut</th>
                        <th scope="col">Commune</th>
                        <th scope="col">Âge</th>
                        <th scope="col">Séances choisies</th>
                        <th scope="col">Présence</th>
                        <th scope="col">Inscription</th>
                        <th scope="col">Actions</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((r) => {
                        const name = `${r.firstName} ${r.lastName}`;
                        return (
                          <tr key={r.id}>
                            <th scope="row">
                              {name}
                              <span className={fr.cx("fr-hint-text")}>{contact(r)}</span>
                              {r.household && <span className={fr.cx("fr-hint-text")}>{`Groupe : ${r.household}`}</span>}
                              {r.accessibilityNeeds && <span className={fr.cx("fr-hint-text")}>{`Accessibilité : ${r.accessibilityNeeds}`}</span>}
                              {r.dietaryNeeds && <span className={fr.cx("fr-hint-text")}>{`Repas : ${r.dietaryNeeds}`}</span>}
                            </th>
                            <td>
                              <Badge small severity={STATUS_SEVERITY[r.status]} as="span">
                                {REGISTRATION_STATUSES[r.status]}
                              </Badge>
                            </td>
                            <td>
                              {communes.get(r.communeInsee) ?? r.communeInsee}
                              <span className={fr.cx("fr-hint-text")}>{qpv(r.qpv)}</span>
                            </td>
                            <td>{AGE_BANDS[r.ageBand]}</td>
                            <td>{sessionNumbers(r.sessionIds)}</td>
                            <td>{r.status === "registered" ? <Attendance workshop={w} registration={r} /> : "—"}</td>
                            <td>{r.source === "partner" ? "Par un membre du contrat" : "Formulaire public"}</td>
                            <td>
                              <div className="cles-row-actions">
                                {r.status !== "cancelled" && (
                                  <ConfirmButton
                                    label="Annuler"
                                    confirm="Confirmer l'annulation"
                                    what={`l'inscription de ${name}`}
                                    pending={cancel.isPending}
                                    onConfirm={() => cancel.mutate(r.id, { onSuccess: () => setSaid(`L'inscription de ${name} est annulée.`) })}
                                  />
                                )}
                                <a className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--tertiary")} href={registrationExportUrl(r.id)} download={`inscription-${r.id}.json`}>
                                  Exporter (JSON)<span className={fr.cx("fr-sr-only")}>{` les données de ${name}`}</span>
                                </a>
                                <ConfirmDelete label="Effacer" what={`(données de ${name})`} pending={erase.isPending} onConfirm={() => erase.mutate(r.id, { onSuccess: () => setSaid(`Les données de ${name} sont effacées.`) })} />
                              </div>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
        </>
      )}
      {(cancel.error ?? erase.error) && <Alert severity="error" small role="alert" description={(cancel.error ?? erase.error)!.message} />}
    </section>
  );
}

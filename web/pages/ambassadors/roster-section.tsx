/**
 * The roster of the network, read by the coordination only (residents' personal data): who,
 * in which priority area, since when, what they took part in, when their data goes; add or
 * change a person, export one person's data, erase it.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Fragment, useRef, useState } from "react";
import { ConfirmDelete, useDisclosure } from "../../components/disclosure";
import { formatDate } from "../../format";
import { ambassadorExportUrl, useEraseAmbassador, useRoster, type Ambassador, type NetworkArea, type Roster } from "./api";
import { AmbassadorForm } from "./ambassador-form";

export function RosterSection({ contractId, areas, manage }: { contractId: string; areas: NetworkArea[]; manage: boolean }) {
  const roster = useRoster(contractId, true);
  const erase = useEraseAmbassador(contractId);
  const adding = useDisclosure();
  const [editing, setEditing] = useState<string | null>(null);
  const [said, setSaidState] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  // A row's buttons are gone (erased) or replaced (the form): the focus goes to the section's title, the message is said.
  const setSaid = (message: string) => {
    setSaidState(message);
    heading.current?.focus();
  };
  const items = roster.data?.items ?? [];
  return (
    <section aria-labelledby="equipe" className={fr.cx("fr-mb-6w")}>
      <h2 id="equipe" ref={heading} tabIndex={-1} className={fr.cx("fr-h4")}>
        Les ambassadeurs
      </h2>
      <p className={fr.cx("fr-text--sm")}>Données personnelles : seule la coordination du contrat les lit. Les partenaires et l'ARS ne voient que des nombres ; elles ne figurent ni sur les pages publiques, ni dans les exports du contrat.</p>
      <p role="status" className={said ? fr.cx("fr-text--bold") : fr.cx("fr-sr-only")}>
        {said}
      </p>
      {roster.isPending && <p role="status">Chargement des ambassadeurs…</p>}
      {roster.error && <Alert severity="error" small role="alert" title="Les ambassadeurs n'ont pas pu être chargés" description={roster.error.message} />}
      {roster.data && <Privacy roster={roster.data} />}
      {roster.data && items.length === 0 && <p className="cles-empty">Personne ne fait encore partie du réseau.</p>}
      {items.length > 0 && (
        <>
          <Alert
            severity="warning"
            small
            className={fr.cx("fr-mb-2w")}
            description="« Effacer » supprime définitivement les données de la personne (droit à l'effacement) : elle disparaît des listes des formations et des actions, dont les nombres restent. Exportez d'abord ses données si elle les demande."
          />
          <div className={fr.cx("fr-table", "fr-table--sm", "fr-table--no-caption")}>
            <div className="fr-table__wrapper">
              <div className="fr-table__container" tabIndex={0}>
                <div className="fr-table__content">
                  <table>
                    <caption>Les ambassadeurs santé du contrat</caption>
                    <thead>
                      <tr>
                        <th scope="col">Personne</th>
                        <th scope="col">Quartier</th>
                        <th scope="col">Dans le réseau</th>
                        <th scope="col">Formations suivies</th>
                        <th scope="col">Actions menées</th>
                        <th scope="col">Effacement des données</th>
                        <th scope="col">Actions</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((a) => (
                        <Fragment key={a.id}>
                          <Row
                            ambassador={a}
                            manage={manage}
                            editing={editing === a.id}
                            onEdit={() => setEditing(editing === a.id ? null : a.id)}
                            erasing={erase.isPending}
                            onErase={() => erase.mutate(a.id, { onSuccess: () => setSaid(`Les données de ${a.firstName} ${a.lastName} sont effacées.`) })}
                          />
                          {editing === a.id && roster.data && (
                            <tr>
                              <td colSpan={7}>
                                <AmbassadorForm
                                  contractId={contractId}
                                  areas={areas}
                                  roster={roster.data}
                                  ambassador={a}
                                  onDone={(message) => {
                                    setEditing(null);
                                    setSaid(message);
                                  }}
                                  onCancel={() => {
                                    setEditing(null);
                                    void roster.refetch();
                                  }}
                                />
                              </td>
                            </tr>
                          )}
                        </Fragment>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
        </>
      )}
      {erase.error && <Alert severity="error" small role="alert" description={erase.error.message} className={fr.cx("fr-mb-2w")} />}
      {manage &&
        roster.data &&
        (adding.open ? (
          <AmbassadorForm
            contractId={contractId}
            areas={areas}
            roster={roster.data}
            onDone={(message) => {
              adding.close();
              setSaidState(message);
            }}
            onCancel={adding.close}
          />
        ) : areas.length === 0 ? (
          <p className="cles-empty">Ce contrat ne compte aucun quartier prioritaire : ajoutez-les à la fiche du contrat pour y inscrire des ambassadeurs.</p>
        ) : (
          <Button
            ref={adding.trigger}
            type="button"
            priority="secondary"
            iconId="fr-icon-user-add-line"
            onClick={() => {
              setSaidState("");
              adding.show();
            }}
          >
            Ajouter un ambassadeur ou une ambassadrice
          </Button>
        ))}
    </section>
  );
}

/** What the data is for, who reads it, how long it stays (the register says the same). */
function Privacy({ roster }: { roster: Roster }) {
  return (
    <details className={fr.cx("fr-mb-2w")}>
      <summary>Usage de ces données (registre des traitements)</summary>
      <dl className="cles-dl">
        <dt>Finalité</dt>
        <dd>{roster.privacy.purpose}</dd>
        <dt>Base légale</dt>
        <dd>{roster.privacy.legalBasis}</dd>
        <dt>Qui les lit</dt>
        <dd>{roster.privacy.readers}</dd>
        <dt>Durée de conservation</dt>
        <dd>{roster.privacy.retention}</dd>
      </dl>
    </details>
  );
}

function Row({ ambassador: a, manage, editing, onEdit, erasing, onErase }: { ambassador: Ambassador; manage: boolean; editing: boolean; onEdit: () => void; erasing: boolean; onErase: () => void }) {
  const name = `${a.firstName} ${a.lastName}`;
  const contact = [a.email, a.phone].filter(Boolean).join(" · ");
  return (
    <tr>
      <th scope="row">
        {name}
        {contact && <span className={fr.cx("fr-hint-text")}>{contact}</span>}
        {a.notes && <span className={fr.cx("fr-hint-text")}>{a.notes}</span>}
      </th>
      <td>{a.priorityArea}</td>
      <td>{a.leftOn ? `du ${formatDate(a.joinedOn)} au ${formatDate(a.leftOn)}` : `depuis le ${formatDate(a.joinedOn)}`}</td>
      <td>{a.trainings}</td>
      <td>{a.activities}</td>
      <td>{a.erasedOn ? `le ${formatDate(a.erasedOn)}` : `${a.retentionMonths} mois après son départ`}</td>
      <td>
        <div className="cles-amb-actions">
          {manage && (
            <Button type="button" size="small" priority="tertiary" iconId="fr-icon-edit-line" iconPosition="left" aria-expanded={editing} onClick={onEdit}>
              Modifier<span className={fr.cx("fr-sr-only")}>{` la fiche de ${name}`}</span>
            </Button>
          )}
          <a className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--tertiary")} href={ambassadorExportUrl(a.id)} download={`ambassadeur-${a.id}.json`}>
            Exporter (JSON)<span className={fr.cx("fr-sr-only")}>{` les données de ${name}`}</span>
          </a>
          {manage && <ConfirmDelete label="Effacer" what={`(données de ${name})`} pending={erasing} onConfirm={onErase} />}
        </div>
      </td>
    </tr>
  );
}

/** A meeting: when and where, agenda, invitees and attendance, minutes, decisions, attachments; invitation and cancellation. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useParams } from "react-router";
import { formatDuration } from "../../../server/shared";
import { api, ApiError } from "../../api/client";
import { governanceKeys, useMeeting, type Meeting } from "../../api/governance";
import { useActions, useContract, type ActionItem } from "../../api/queries";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate, plural } from "../../format";
import { AttachmentsSection } from "./AttachmentsSection";
import { noEmailSummary } from "./participants";
import { frenchSchedule, frenchTime, parisParts } from "./parisTime";
import "./governance.css";

const cancelModal = createModal({ id: "annuler-reunion", isOpenedByDefault: false });
/** Inviting to a meeting that has already taken place is asked twice (issue 15: no lasting action in one click). */
const pastInviteModal = createModal({ id: "inviter-reunion-passee", isOpenedByDefault: false });

type Sending = { sent: number; failed: string[]; sequence: number };

export function MeetingPage() {
  const { contractId = "", meetingId = "" } = useParams();
  const contract = useContract(contractId);
  const meeting = useMeeting(meetingId);
  const fiches = useActions(contractId, {});
  const location = useLocation();
  if (contract.isPending || meeting.isPending) return <Loading label="Chargement de la réunion…" />;
  if (contract.error || meeting.error) return <ErrorMessage error={contract.error ?? meeting.error} title="La réunion n'a pas pu être chargée" />;
  const c = contract.data;
  const m = meeting.data;
  const justSaved = (location.state as { saved?: boolean } | null)?.saved;
  return (
    <Page
      title={m.title}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
        { label: "Réunions", to: `/contrats/${c.id}/reunions` },
      ]}
    >
      {justSaved && <Alert severity="success" small description="La réunion est enregistrée." className={fr.cx("fr-mb-3w")} />}
      {m.cancelledAt && (
        <Alert severity="warning" title="Réunion annulée" description={`Cette réunion a été annulée le ${formatDate(parisParts(m.cancelledAt).date)}.`} className={fr.cx("fr-mb-3w")} />
      )}
      <Facts meeting={m} />
      {(m.body.kind === "copil" || m.body.kind === "cotech") && (
        <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-btn--icon-left", "fr-icon-slideshow-line", "fr-mb-3w")} to={`/contrats/${c.id}/diaporama?reunion=${m.id}`}>
          Préparer le diaporama du comité
        </Link>
      )}
      <Commands meeting={m} contractId={c.id} />
      <Agenda meeting={m} fiches={fiches.data?.items ?? []} contractId={c.id} />
      <Attendance meeting={m} />
      <section aria-labelledby="compte-rendu" className={fr.cx("fr-mb-6w")}>
        <h2 id="compte-rendu" className={fr.cx("fr-h4")}>
          Compte rendu
        </h2>
        {m.minutes ? (
          // Sanitised by the server (sanitize-html): paragraphs, lists, emphasis, headings, links only.
          <div className="cles-minutes" dangerouslySetInnerHTML={{ __html: m.minutes }} />
        ) : (
          <p className="cles-empty">Pas encore de compte rendu.</p>
        )}
      </section>
      <section aria-labelledby="decisions" className={fr.cx("fr-mb-6w")}>
        <h2 id="decisions" className={fr.cx("fr-h4")}>{`Décisions (${m.decisions.length})`}</h2>
        {m.decisions.length ? (
          <ul>
            {m.decisions.map((d, i) => {
              const linked = m.decisionFiches[i] ?? [];
              return (
                <li key={i} className={fr.cx("fr-mb-1w")}>
                  <span className="cles-prewrap">{d}</span>
                  {linked.length > 0 && (
                    <>
                      {" · "}
                      <span className={fr.cx("fr-sr-only")}>{linked.length > 1 ? "Fiches concernées : " : "Fiche concernée : "}</span>
                      {linked.map((f, j) => (
                        <span key={f.id}>
                          {j > 0 && ", "}
                          <Link to={`/contrats/${c.id}/fiches/${f.id}`} title={`FA ${f.number} — ${f.title}`}>{`FA ${f.number}`}</Link>
                        </span>
                      ))}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="cles-empty">Aucune décision enregistrée.</p>
        )}
      </section>
      <AttachmentsSection meeting={m} />
    </Page>
  );
}

function Facts({ meeting: m }: { meeting: Meeting }) {
  return (
    <dl className="cles-dl">
      <dt>Instance</dt>
      <dd>{m.body.name}</dd>
      <dt>Date et heure</dt>
      <dd>
        {frenchSchedule(m.startsAt, m.endsAt)}
        <span className={fr.cx("fr-text--sm")}> (heure de Paris)</span>
      </dd>
      <dt>Lieu</dt>
      <dd>{m.place || <span className="cles-empty">Non précisé</span>}</dd>
      {m.videoUrl && (
        <>
          <dt>Visioconférence</dt>
          <dd>
            <a href={m.videoUrl} target="_blank" rel="noopener noreferrer" title={`${m.videoUrl} — nouvelle fenêtre`} className="cles-break">
              Rejoindre la visioconférence
            </a>
          </dd>
        </>
      )}
      <dt>Invitation</dt>
      <dd>{m.cancelledAt ? "Annulation envoyée aux invités" : m.invitation.sentAt ? `Envoyée le ${formatDate(parisParts(m.invitation.sentAt).date)} à ${frenchTime(m.invitation.sentAt)}` : "Pas encore envoyée"}</dd>
    </dl>
  );
}

function Commands({ meeting: m, contractId }: { meeting: Meeting; contractId: string }) {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: governanceKeys.meeting(m.id) });
    await queryClient.invalidateQueries({ queryKey: governanceKeys.meetings(contractId) });
    await queryClient.invalidateQueries({ queryKey: governanceKeys.alerts(contractId) });
  };
  const invite = useMutation({ mutationFn: (_update: boolean) => api<Sending>(`/meetings/${m.id}/invitations`, { method: "POST" }), onSuccess: refresh });
  const cancel = useMutation({ mutationFn: () => api<Sending>(`/meetings/${m.id}/cancel`, { method: "POST" }), onSuccess: refresh });
  const manage = m.permissions.manage && !m.cancelledAt;
  const sentBefore = !!m.invitation.sentAt;
  const past = new Date(m.endsAt).getTime() < Date.now();
  const error = invite.error ?? cancel.error;
  // Said before sending: the invitation goes by e-mail only.
  const noEmail = noEmailSummary(m.participants);
  return (
    <div className={fr.cx("fr-mb-6w")}>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left")}>
        {manage && (
          <li>
            <Link className={fr.cx("fr-btn", "fr-icon-edit-line", "fr-btn--icon-left")} to={`/contrats/${contractId}/reunions/${m.id}/modifier`}>
              Modifier la réunion
            </Link>
          </li>
        )}
        {manage && (
          <li>
            <Button
              priority="secondary"
              iconId="fr-icon-mail-send-line"
              disabled={invite.isPending}
              {...(past ? { nativeButtonProps: pastInviteModal.buttonProps } : { onClick: () => invite.mutate(sentBefore) })}
            >
              {invite.isPending ? "Envoi…" : sentBefore ? "Mettre à jour l'invitation" : "Envoyer l'invitation"}
            </Button>
          </li>
        )}
        <li>
          <a className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-calendar-event-line", "fr-btn--icon-left")} href={`/api/meetings/${m.id}/ics`} download>
            Ajouter à mon agenda (.ics)
          </a>
        </li>
        {manage && (
          <li>
            <Button priority="tertiary" iconId="fr-icon-close-circle-line" nativeButtonProps={cancelModal.buttonProps} disabled={cancel.isPending}>
              Annuler la réunion
            </Button>
          </li>
        )}
      </ul>
      <div aria-live="polite">
        {invite.data && <SendingReport result={invite.data} what={invite.variables ? "La mise à jour de l'invitation" : "L'invitation"} />}
        {cancel.data && <SendingReport result={cancel.data} what="L'annulation" />}
      </div>
      {error && <Alert severity="error" small role="alert" description={error instanceof ApiError ? error.detail : error.message} className={fr.cx("fr-mb-2w")} />}
      {manage && noEmail && <Alert severity="warning" small description={noEmail} className={fr.cx("fr-mb-2w")} />}
      {manage && past && (
        <pastInviteModal.Component
          title="Cette réunion a déjà eu lieu"
          buttons={[
            { children: "Ne pas envoyer", priority: "secondary" },
            { children: "Envoyer quand même", onClick: () => invite.mutate(sentBefore) },
          ]}
        >
          {`« ${m.title} » a déjà eu lieu. Les invités recevront une invitation à une réunion passée : ne l'envoyez que pour leur transmettre la réunion dans leur agenda.`}
        </pastInviteModal.Component>
      )}
      {m.permissions.manage && (
        <cancelModal.Component
          title="Annuler la réunion ?"
          buttons={[
            { children: "Garder la réunion", priority: "secondary" },
            { children: "Annuler la réunion", onClick: () => cancel.mutate() },
          ]}
        >
          {`« ${m.title} » sera marquée comme annulée et ne pourra plus être modifiée. Les invités qui ont reçu l'invitation recevront l'annulation par courriel, qui la retire de leur agenda.`}
        </cancelModal.Component>
      )}
    </div>
  );
}

function SendingReport({ result, what }: { result: Sending; what: string }) {
  const sent = result.sent === 0 ? `${what} n'a été envoyée à personne.` : `${what} a été envoyée à ${plural(result.sent, "personne", "personnes")}.`;
  const failed = result.failed.length ? ` Échec de l'envoi à : ${result.failed.join(", ")}.` : "";
  return <Alert severity={result.failed.length ? "warning" : "success"} small description={sent + failed} className={fr.cx("fr-mb-2w")} />;
}

function Agenda({ meeting: m, fiches, contractId }: { meeting: Meeting; fiches: ActionItem[]; contractId: string }) {
  // A duration is optional: the total is that of the timed items, shown when there is one.
  const timed = m.agenda.filter((i) => i.durationMinutes !== null);
  const total = timed.reduce((s, i) => s + (i.durationMinutes ?? 0), 0);
  return (
    <section aria-labelledby="ordre-du-jour" className={fr.cx("fr-mb-6w")}>
      <h2 id="ordre-du-jour" className={fr.cx("fr-h4")}>
        Ordre du jour
      </h2>
      {m.agenda.length === 0 ? (
        <p className="cles-empty">Pas d'ordre du jour.</p>
      ) : (
        <>
          <ol>
            {m.agenda.map((item, i) => {
              const linked = fiches.filter((f) => item.actionIds.includes(f.id));
              return (
                <li key={i} className={fr.cx("fr-mb-1w")}>
                  <strong>{item.title}</strong>
                  {item.durationMinutes !== null && ` — ${formatDuration(item.durationMinutes)}`}
                  {item.presenter && `, présenté par ${item.presenter}`}
                  {linked.length > 0 && (
                    <>
                      {" · "}
                      {linked.map((f, j) => (
                        <span key={f.id}>
                          {j > 0 && ", "}
                          <Link to={`/contrats/${contractId}/fiches/${f.id}`} title={`FA ${f.number} — ${f.title}`}>{`FA ${f.number}`}</Link>
                        </span>
                      ))}
                    </>
                  )}
                </li>
              );
            })}
          </ol>
          {timed.length > 0 && <p className={fr.cx("fr-text--sm")}>{`Durée ${timed.length < m.agenda.length ? "des points minutés" : "totale"} : ${formatDuration(total)}.`}</p>}
        </>
      )}
    </section>
  );
}

function Attendance({ meeting: m }: { meeting: Meeting }) {
  const invited = m.participants.filter((p) => p.invited).length;
  const summary = [
    `${plural(invited, "invité", "invités")}`,
    plural(m.presentCount, "présent enregistré", "présents enregistrés"),
    m.headCount !== null ? plural(m.headCount, "participant", "participants") : null,
  ].filter(Boolean);
  return (
    <section aria-labelledby="participants" className={fr.cx("fr-mb-6w")}>
      <h2 id="participants" className={fr.cx("fr-h4")}>
        Participants
      </h2>
      <p>
        {m.headCount !== null && (
          <Badge severity="info" noIcon as="span" className={fr.cx("fr-mr-1w")}>
            {plural(m.headCount, "participant", "participants")}
          </Badge>
        )}
        {summary.slice(0, 2).join(", ")}.
      </p>
      {m.participants.length === 0 ? (
        <p className="cles-empty">Aucun invité ni présent enregistré nommément.</p>
      ) : (
        <div className={fr.cx("fr-table", "fr-table--no-caption")}>
          <div className="fr-table__wrapper">
            <div className="fr-table__container" role="region" aria-labelledby="invites-presents" tabIndex={0}>
              <div className="fr-table__content">
                <table>
                  <caption id="invites-presents">Invités et présents</caption>
                  <thead>
                    <tr>
                      <th scope="col">Personne</th>
                      <th scope="col">Organisation</th>
                      <th scope="col">Invité·e</th>
                      <th scope="col">Présent·e</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.participants.map((p) => (
                      <tr key={p.id}>
                        <td>
                          {p.name || <span className="cles-empty">—</span>}
                          {p.resident && (
                            <Badge small noIcon as="span" className={fr.cx("fr-ml-1w")}>
                              Habitant·e
                            </Badge>
                          )}
                        </td>
                        <td>{p.organisationName ?? "—"}</td>
                        <td>{p.invited ? "Oui" : "Non"}</td>
                        <td>{p.present ? "Oui" : "Non"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * « Adresses laissées »: the e-mails respondents left with their consent, read by the
 * coordination only; per person, export their data (right of access), erase the address,
 * or erase their whole answer (right to erasure).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useRef, useState } from "react";
import { ANSWER_SOURCES } from "../../../server/shared";
import { formatDateTime } from "../../format";
import { ConfirmButton } from "./confirm-button";
import { DataTable } from "./results-kit";
import { answerExportUrl, useEraseSurveyAnswer, useSurveyContacts, type Survey } from "./survey-api";

export function ContactsSection({ survey: s }: { survey: Survey }) {
  const contacts = useSurveyContacts(s.id, s.canManage);
  const erase = useEraseSurveyAnswer(s);
  const [said, setSaidState] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  // The row is gone: the focus goes back to the section's title, the message is said.
  const setSaid = (message: string) => {
    setSaidState(message);
    heading.current?.focus();
  };
  const items = contacts.data?.items ?? [];
  return (
    <section aria-labelledby="adresses" className={fr.cx("fr-mb-6w")}>
      <h2 id="adresses" ref={heading} tabIndex={-1} className={fr.cx("fr-h3")}>
        Adresses laissées
      </h2>
      <p className={fr.cx("fr-text--sm")}>
        {s.askContact
          ? `Données personnelles : seule la coordination du contrat les lit. Elles ne figurent ni dans les résultats, ni dans les exports, et sont effacées ${s.retentionMonths} mois après la clôture.`
          : "Ce questionnaire ne demande pas d'adresse e-mail. Les adresses laissées avant ce choix restent ci-dessous jusqu'à leur effacement."}
      </p>
      <p role="status" className={said ? fr.cx("fr-text--bold") : fr.cx("fr-sr-only")}>
        {said}
      </p>
      {contacts.isPending && <p>Chargement des adresses…</p>}
      {contacts.error && <Alert severity="error" small role="alert" description={contacts.error.message} />}
      {contacts.data && items.length === 0 && <p className="cles-empty">Personne n'a laissé d'adresse.</p>}
      {items.length > 0 && (
        <>
          <Alert
            severity="warning"
            small
            className={fr.cx("fr-mb-2w")}
            description="« Effacer l'adresse » retire l'adresse e-mail et garde la réponse anonyme dans les résultats. « Effacer la réponse » supprime aussi toutes les réponses de la personne. Exportez d'abord ses données si elle les demande."
          />
          <DataTable caption="Adresses laissées par les personnes qui ont répondu">
            <thead>
              <tr>
                <th scope="col">Adresse e-mail</th>
                <th scope="col">Réponse</th>
                <th scope="col">Accord</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.answerId}>
                  <th scope="row">{c.email}</th>
                  <td>
                    {formatDateTime(c.submittedAt)}
                    <span className={fr.cx("fr-hint-text")}>{ANSWER_SOURCES[c.source]}</span>
                  </td>
                  <td>{c.consentVersion ? `Texte ${c.consentVersion}` : "—"}</td>
                  <td>
                    <div className="cles-survey-row-actions">
                      <a className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--tertiary")} href={answerExportUrl(c.answerId)} download={`reponse-${c.answerId}.json`}>
                        Exporter (JSON)<span className={fr.cx("fr-sr-only")}>{` les données de ${c.email}`}</span>
                      </a>
                      <ConfirmButton
                        label="Effacer l'adresse"
                        confirm="Confirmer l'effacement de l'adresse"
                        what={c.email}
                        size="small"
                        priority="tertiary"
                        pending={erase.isPending}
                        onConfirm={() => erase.mutate({ answerId: c.answerId, withAnswers: false }, { onSuccess: () => setSaid(`L'adresse ${c.email} est effacée ; la réponse reste, anonyme.`) })}
                      />
                      <ConfirmButton
                        label="Effacer la réponse"
                        confirm="Confirmer l'effacement de la réponse"
                        what={`de ${c.email}`}
                        warning="Les réponses de la personne seront retirées des résultats."
                        size="small"
                        priority="tertiary"
                        pending={erase.isPending}
                        onConfirm={() => erase.mutate({ answerId: c.answerId, withAnswers: true }, { onSuccess: () => setSaid(`La réponse et l'adresse de ${c.email} sont effacées.`) })}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
      {erase.error && <Alert severity="error" small role="alert" description={erase.error.message} />}
    </section>
  );
}

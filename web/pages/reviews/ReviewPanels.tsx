/**
 * The confirmations of the editor (refresh from the data, publish) and what follows them
 * (what a refresh found), and the list of a review's publications.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { useMembers } from "../../api/accounts";
import { reviewPaths, type Publication } from "../../api/reviews";
import { cardId, refreshSummary, type DraftSection } from "./editorState";
import { formatDayTime, members } from "./reviewFormat";
import { plural, pluralWord } from "../../format";

/** A confirmation box that takes the focus when it opens, and that Escape closes (unless it is at work). */
function Confirm({ title, children, actions, busy, onCancel }: { title: string; children: ReactNode; actions: ReactNode; busy: boolean; onCancel: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== "Escape" || busy) return;
    e.stopPropagation();
    onCancel();
  };
  return (
    <div ref={ref} tabIndex={-1} role="group" aria-labelledby="confirmation-titre" className="cles-confirm" onKeyDown={onKeyDown}>
      <h2 id="confirmation-titre">{title}</h2>
      {children}
      <div className="cles-review-toolbar">{actions}</div>
    </div>
  );
}

export function RefreshPanel({ dirty, busy, onConfirm, onCancel }: { dirty: boolean; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Confirm
      busy={busy}
      onCancel={onCancel}
      title="Actualiser la revue depuis les données du trimestre ?"
      actions={
        <>
          <Button iconId="fr-icon-refresh-line" iconPosition="left" disabled={busy} onClick={onConfirm}>
            {busy ? "Actualisation…" : dirty ? "Enregistrer puis actualiser" : "Actualiser"}
          </Button>
          <Button priority="secondary" disabled={busy} onClick={onCancel}>
            Annuler
          </Button>
        </>
      }
    >
      <ul>
        <li>Les sections dont vous n'avez pas modifié le texte sont réécrites à partir des réunions, avancements et mesures du trimestre.</li>
        <li>
          <strong>Vos textes modifiés sont gardés.</strong> Si les données d'une section modifiée ont changé, le nouveau brouillon vous est proposé à côté de votre texte.
        </li>
        <li>Les nouvelles sections (une fiche qui a bougé, un comité tenu) sont ajoutées ; l'ordre, les sections masquées et les sections libres restent.</li>
      </ul>
      {dirty && <p className={fr.cx("fr-text--bold")}>Vos modifications non enregistrées seront d'abord enregistrées.</p>}
    </Confirm>
  );
}

export function PublishPanel({ contractId, number, dirty, busy, onConfirm, onCancel }: { contractId: string; number: number; dirty: boolean; busy: boolean; onConfirm: (note: string) => void; onCancel: () => void }) {
  const [note, setNote] = useState("");
  const team = useMembers(contractId);
  const count = team.data?.items.length;
  const who = count === undefined ? "Tous les membres du contrat recevront" : count === 1 ? "Le seul membre du contrat recevra" : `Les ${members(count)} du contrat recevront`;
  return (
    <Confirm
      busy={busy}
      onCancel={onCancel}
      title={number > 1 ? `Publier la version ${number} de la revue ?` : "Publier la revue ?"}
      actions={
        <>
          <Button iconId="fr-icon-send-plane-line" iconPosition="left" disabled={busy} onClick={() => onConfirm(note)}>
            {busy ? "Publication…" : number > 1 ? `Publier la version ${number}` : "Publier la revue"}
          </Button>
          <Button priority="secondary" disabled={busy} onClick={onCancel}>
            Annuler
          </Button>
        </>
      }
    >
      <p>
        La revue publiée est figée : elle ne change plus, même si les données changent. {who} un courriel
        avec le lien pour la lire.
        {number > 1 && ` La version ${number - 1} reste lisible dans la liste des versions.`}
      </p>
      {dirty && <p className={fr.cx("fr-text--bold")}>Vos modifications non enregistrées seront d'abord enregistrées.</p>}
      {number > 1 && (
        <Input
          textArea
          label="Note de correction (facultatif)"
          hintText="Dites aux lecteurs ce qui change dans cette version ; elle est affichée en tête de la revue et dans le courriel."
          nativeTextAreaProps={{ value: note, onChange: (e) => setNote(e.target.value), rows: 3, maxLength: 2000 }}
        />
      )}
    </Confirm>
  );
}

/** What the last refresh found, with a link to each section to look at. */
export function RefreshNotice({ sections }: { sections: DraftSection[] }) {
  const { updated, changed, added, gone } = refreshSummary(sections);
  const groups = [
    { list: changed, text: (n: number) => `${plural(n, "section")} dont les données ont changé sous votre texte : à vérifier` },
    { list: added, text: (n: number) => plural(n, "nouvelle section", "nouvelles sections") },
    { list: updated, text: (n: number) => `${plural(n, "section mise", "sections mises")} à jour depuis les données` },
    { list: gone, text: (n: number) => `${plural(n, "section")} dont les données ne sont plus dans le trimestre` },
  ].filter((g) => g.list.length > 0);
  if (groups.length === 0) return <>Revue actualisée : les données du trimestre n'ont pas changé.</>;
  return (
    <>
      Revue actualisée. Vos textes modifiés sont gardés.
      <ul className={fr.cx("fr-mb-0")}>
        {groups.map((g) => (
          <li key={g.text(g.list.length)}>
            {`${g.text(g.list.length)} : `}
            {g.list.map((s, i) => (
              <span key={s.key}>
                {i > 0 && ", "}
                <a href={`#${cardId(s.key)}`}>{s.title}</a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

export function PublicationsList({ contractId, reviewId, publications }: { contractId: string; reviewId: string; publications: Publication[] }) {
  if (publications.length === 0) return null;
  return (
    <section aria-labelledby="versions" className={fr.cx("fr-mb-6w")}>
      <h2 id="versions">Versions publiées</h2>
      <div className="cles-table-wrap">
        <table className="cles-versions">
          <caption className={fr.cx("fr-sr-only")}>Versions publiées de la revue</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Publiée le</th>
              <th scope="col">Par</th>
              <th scope="col">Note de correction</th>
            </tr>
          </thead>
          <tbody>
            {[...publications].reverse().map((p) => (
              <tr key={p.number}>
                <th scope="row">
                  <Link to={reviewPaths.version(contractId, reviewId, p.number)}>{`Version ${p.number}`}</Link>
                </th>
                <td>{formatDayTime(p.publishedAt)}</td>
                <td>
                  {p.publishedByName}
                  {p.notifiedCount > 0 && <span className={fr.cx("fr-hint-text")}>{`${members(p.notifiedCount)} ${pluralWord(p.notifiedCount, "prévenu")}`}</span>}
                </td>
                <td>{p.correctionNote || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The sessions of a workshop: when and where, the rotation plan (rounds × tables → topics), the link to each session's tables. */
import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import type { Workshop, WorkshopSession } from "../../api/workshops";
import { frenchSchedule } from "../../format";

const time = (hhmm: string) => hhmm.replace(":", " h ");

function RotationTable({ workshop: w, session: s, number }: { workshop: Workshop; session: WorkshopSession; number: number }) {
  if (!s.rotation)
    return (
      <p className="cles-empty">
        {w.topics.length === w.tableCount
          ? "Le plan de rotation n'a pas pu être calculé (la séance finirait après minuit)."
          : `Le plan de rotation apparaît quand l'atelier compte autant de thèmes que de tables (${w.topics.length} thème${w.topics.length > 1 ? "s" : ""} pour ${w.tableCount} table${w.tableCount > 1 ? "s" : ""}).`}
      </p>
    );
  const titles = new Map(w.topics.map((t) => [t.id, t.title]));
  const tables = Array.from({ length: w.tableCount }, (_, i) => i + 1);
  return (
    <div className={fr.cx("fr-table", "fr-table--no-caption")}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" tabIndex={0}>
          <div className="fr-table__content">
            <table>
              <caption>{`Plan de rotation de la séance ${number}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Tour</th>
                  {tables.map((t) => (
                    <th key={t} scope="col">
                      {`Table ${t}`}
                      {w.moderators[t - 1] && <span className={fr.cx("fr-text--xs", "fr-mb-0")}>{` (${w.moderators[t - 1]!.name})`}</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.rotation.rounds.map((r) => (
                  <tr key={r.index}>
                    <th scope="row">{`Tour ${r.index}, ${time(r.start)} – ${time(r.end)}`}</th>
                    {tables.map((t) => {
                      const a = r.assignments.find((x) => x.table === t);
                      return <td key={t}>{a ? (titles.get(a.topic) ?? "—") : "—"}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

export function SessionsSection({ workshop: w, contractId }: { workshop: Workshop; contractId: string }) {
  return (
    <section aria-labelledby="seances" className={fr.cx("fr-mb-6w")}>
      <h2 id="seances" className={fr.cx("fr-h4")}>{`Séances (${w.sessions.length})`}</h2>
      {w.sessions.map((s, i) => (
        <article key={s.id} aria-labelledby={`seance-${s.id}`} className={fr.cx("fr-mb-4w")}>
          <h3 id={`seance-${s.id}`} className={fr.cx("fr-h5", "fr-mb-1w")}>{`Séance ${i + 1} : ${frenchSchedule(s.startsAt, s.endsAt)}`}</h3>
          <p className={fr.cx("fr-mb-1w")}>{`${s.place} · tours de ${s.roundMinutes} minutes (heure de Paris)`}</p>
          {w.permissions.readResidents && (
            <p>
              <Link className={fr.cx("fr-link", "fr-icon-team-line", "fr-link--icon-left")} to={`/contrats/${contractId}/ateliers/${w.id}/seances/${s.id}/tables`}>
                {`Tables de la séance ${i + 1}`}
              </Link>
            </p>
          )}
          <RotationTable workshop={w} session={s} number={i + 1} />
        </article>
      ))}
    </section>
  );
}

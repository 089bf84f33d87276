/**
 * « Mes fiches » (issue 15): the home of a person who pilots fiches — their fiches, by
 * contract, and for each what is due (late milestones first, milestones within 30 days,
 * no progress entry this quarter, indicators not measured for 12 months), with one click
 * to the fiche's « Suivi » to add a progress entry or a measurement.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate, plural } from "../../format";
import { TodoFicheCard } from "./TodoFiches";
import "./todo.css";
import { useMyFiches } from "./todo-api";

export function MyFichesPage() {
  const mine = useMyFiches();
  if (mine.isPending) return <Loading label="Chargement de vos fiches…" />;
  if (mine.error) return <ErrorMessage error={mine.error} title="Vos fiches n'ont pas pu être chargées" />;
  const { contracts, today } = mine.data;
  const fiches = contracts.flatMap((c) => c.fiches);
  const late = fiches.filter((f) => f.due.some((d) => d.late)).length;
  return (
    <Page title="Mes fiches" breadcrumb={[{ label: "Contrats", to: "/" }]}>
      {fiches.length === 0 ? (
        <EmptyState title="Vous ne pilotez aucune fiche action.">
          <p>
            {"La coordination d'un contrat vous désigne comme pilote d'une fiche depuis la page des membres. "}
            <Link to="/">Voir les contrats</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <p>
            {`Les fiches que vous pilotez et ce qui est attendu sur chacune au ${formatDate(today)} : `}
            {`${plural(fiches.length, "fiche")}, dont ${plural(late, "fiche", "fiches")} avec une étape en retard.`}
          </p>
          {contracts.map((c) => (
            <section key={c.id} aria-labelledby={`contrat-${c.id}`} className={fr.cx("fr-mb-6w")}>
              <h2 id={`contrat-${c.id}`} className={fr.cx("fr-h4")}>
                <Link to={`/contrats/${c.id}`}>{c.name}</Link>
              </h2>
              <ul className="cles-todo-list">
                {c.fiches.map((f) => (
                  <TodoFicheCard key={f.id} contractId={c.id} fiche={f} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </Page>
  );
}

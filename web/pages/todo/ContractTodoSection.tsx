/** The coordination's « À faire » on the dashboard (issue 15): every fiche of the contract with something due, late first. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { plural } from "../../format";
import { TodoFicheCard } from "./TodoFiches";
import { useContractTodo, type ContractTodo } from "./todo-api";
import "./todo.css";

const ORDER = ["milestone_late", "milestone_due", "progress", "indicator"] as const;
const countOf = (todo: ContractTodo, kind: (typeof ORDER)[number]) => todo.counts[kind] ?? 0;

/** Shown to whoever may manage the contract (`visible`); asks nothing otherwise. */
export function ContractTodoSection({ contractId, visible }: { contractId: string; visible: boolean }) {
  const todo = useContractTodo(contractId, visible);
  if (!visible) return null;
  return (
    <section aria-labelledby="a-faire" className={fr.cx("fr-mb-6w")}>
      <h2 id="a-faire" tabIndex={-1} className={fr.cx("fr-h4")}>
        À faire
      </h2>
      {todo.isPending ? (
        <p role="status">Chargement de ce qui est attendu…</p>
      ) : todo.error ? (
        <Alert severity="error" small title="La liste « À faire » n'a pas pu être chargée" description={todo.error.message} />
      ) : todo.data.fiches.length === 0 ? (
        <p>Rien n'est attendu : aucune étape en retard ou proche, chaque fiche a son avancement du trimestre et ses indicateurs mesurés.</p>
      ) : (
        <>
          <p className={fr.cx("fr-text--sm")}>
            {`${plural(todo.data.fiches.length, "fiche")} ${todo.data.fiches.length > 1 ? "attendent" : "attend"} quelque chose : `}
            {ORDER.filter((k) => countOf(todo.data, k) > 0)
              .map((k) => `${(todo.data.kindLabels[k] ?? k).toLowerCase()} (${countOf(todo.data, k)})`)
              .join(", ")}
            .
          </p>
          <details className="cles-todo-details">
            <summary>Voir les fiches, les étapes en retard d'abord</summary>
            <ul className="cles-todo-list fr-mt-2w">
              {[...todo.data.fiches]
                .sort((a, b) => Number(b.due.some((d) => d.late)) - Number(a.due.some((d) => d.late)) || a.number - b.number)
                .map((f) => (
                  <TodoFicheCard key={f.id} contractId={contractId} fiche={f} showPilots />
                ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}

/**
 * The search field of a contract (DSFR search bar): a real form with `role="search"`, its
 * label and its button, sent with Enter or the button. It leads to the search page with the
 * words in the address (`?q=`), and works as a plain GET form before the app's script runs.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { useId, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { queryProblem, SEARCH_MAX } from "./search-query";

interface SearchFormProps {
  contractId: string;
  /** The words already searched (the search page). */
  initial?: string;
  label?: string;
  big?: boolean;
  /** Told of each new search instead of navigating (the search page keeps its own address). */
  onSearch?: (q: string) => void;
}

export function SearchForm({ contractId, initial = "", label = "Rechercher dans ce contrat", big = false, onSearch }: SearchFormProps) {
  const id = useId();
  const [typed, setTyped] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const navigate = useNavigate();
  const action = `/contrats/${contractId}/recherche`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = typed.trim();
    const error = q === "" ? "Saisissez les mots à rechercher." : queryProblem(q);
    setProblem(error);
    if (error) return;
    if (onSearch) onSearch(q);
    else void navigate(`${action}?q=${encodeURIComponent(q)}`);
  }

  const inputId = `${id}-q`;
  const errorId = `${id}-error`;
  return (
    <form role="search" action={action} method="get" onSubmit={submit} noValidate className={fr.cx("fr-mb-3w")} aria-label={label}>
      <div className={fr.cx("fr-input-group", problem ? "fr-input-group--error" : undefined, "fr-mb-0")}>
        <label className={fr.cx("fr-label")} htmlFor={inputId}>
          {label}
          <span className={fr.cx("fr-hint-text")}>Fiches actions, partenaires, étapes, états d'avancement, réunions, comptes rendus et décisions.</span>
        </label>
        <div className={fr.cx("fr-search-bar", big ? "fr-search-bar--lg" : undefined, "fr-mt-1w")}>
          <input
            className={fr.cx("fr-input", problem ? "fr-input--error" : undefined)}
            id={inputId}
            name="q"
            type="search"
            value={typed}
            maxLength={SEARCH_MAX}
            placeholder="Par exemple : CPAM, Octobre Rose, Melun"
            aria-required="true"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className={fr.cx("fr-btn", big ? "fr-btn--lg" : undefined)} title="Rechercher">
            Rechercher
          </button>
        </div>
        {problem && (
          <p id={errorId} className={fr.cx("fr-error-text")}>
            {problem}
          </p>
        )}
      </div>
    </form>
  );
}

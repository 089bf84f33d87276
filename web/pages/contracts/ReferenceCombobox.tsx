/**
 * A search field with suggestions, as the ARIA combobox pattern (« liste déroulante avec saisie »)
 * describes it: the field keeps the focus, ↓ and ↑ move through the suggestions, Entrée chooses
 * one, Échap closes the list; a polite status says how many suggestions there are. The server
 * searches without accents, which a native <datalist> would filter out again.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { useId, useState, type KeyboardEvent } from "react";

export interface Suggestion {
  key: string;
  label: string;
  /** A second line: département, population… */
  detail?: string;
}

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  suggestions: Suggestion[];
  /** True while the suggestions for `value` are being fetched. */
  searching: boolean;
  /** Whether `value` is long enough to search. */
  ready: boolean;
  onSelect: (key: string) => void;
  /** « Aucune commune ne correspond. » */
  noneFound: string;
  error?: string;
}

export function ReferenceCombobox({ id, label, hint, value, onChange, suggestions, searching, ready, onSelect, noneFound, error }: Props) {
  const listId = useId();
  const hintId = useId();
  const errorId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = open && ready && suggestions.length > 0;

  const choose = (index: number) => {
    const suggestion = suggestions[index];
    if (!suggestion) return;
    setOpen(false);
    setActive(-1);
    onSelect(suggestion.key);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!suggestions.length) return;
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (e.key === "Enter") {
      // Enter chooses a suggestion; it never submits the contract's form from this field.
      e.preventDefault();
      if (shown) choose(active >= 0 ? active : 0);
    } else if (e.key === "Escape") {
      if (shown) e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const status = !ready ? "" : searching && !suggestions.length ? "Recherche en cours…" : suggestions.length ? `${suggestions.length} suggestion${suggestions.length > 1 ? "s" : ""} : utilisez les flèches haut et bas, puis Entrée.` : noneFound;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={fr.cx("fr-input-group", error ? "fr-input-group--error" : null)} style={{ position: "relative" }}>
      <label className={fr.cx("fr-label")} htmlFor={id}>
        {label}
        {hint && (
          <span className={fr.cx("fr-hint-text")} id={hintId}>
            {hint}
          </span>
        )}
      </label>
      <input
        id={id}
        className={fr.cx("fr-input", error ? "fr-input--error" : null)}
        type="search"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      {error && (
        <p className={fr.cx("fr-error-text")} id={errorId}>
          {error}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label={label} hidden={!shown} style={LIST_STYLE}>
        {suggestions.map((s, i) => (
          <li
            key={s.key}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            style={{ ...OPTION_STYLE, ...(i === active ? ACTIVE_STYLE : null) }}
            // Keep the focus in the field: the option is chosen on click.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(i)}
            onMouseEnter={() => setActive(i)}
          >
            <span>{s.label}</span>
            {s.detail && <span className={fr.cx("fr-text--xs", "fr-mb-0")} style={{ display: "block", color: "var(--text-mention-grey)" }}>{s.detail}</span>}
          </li>
        ))}
      </ul>
      <p role="status" className={fr.cx("fr-sr-only")}>
        {open ? status : ""}
      </p>
    </div>
  );
}

const LIST_STYLE = {
  position: "absolute",
  zIndex: 10,
  left: 0,
  right: 0,
  maxHeight: "20rem",
  overflowY: "auto",
  margin: 0,
  padding: 0,
  listStyle: "none",
  background: "var(--background-default-grey)",
  border: "1px solid var(--border-default-grey)",
  boxShadow: "0 4px 12px rgba(0, 0, 18, 0.16)",
} as const;
const OPTION_STYLE = { padding: "0.5rem 1rem", cursor: "pointer", borderBottom: "1px solid var(--border-default-grey)" } as const;
const ACTIVE_STYLE = { background: "var(--background-action-low-blue-france)", outline: "2px solid var(--border-active-blue-france)", outlineOffset: "-2px" } as const;

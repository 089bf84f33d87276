/**
 * A button that asks once more before acting, saying what will happen; the focus goes to
 * the confirmation, then back to the button (or wherever the caller moves it on success).
 */
import { fr, type FrIconClassName, type RiIconClassName } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useId, useRef, useState } from "react";

interface Props {
  label: string;
  /** The confirming button's text (« Confirmer la suppression »). */
  confirm: string;
  /** Read after the buttons' texts by screen readers (« du sondage « … » »). */
  what?: string;
  /** What will happen, shown and read while asking. */
  warning?: string;
  onConfirm: () => void;
  pending: boolean;
  priority?: "primary" | "secondary" | "tertiary";
  iconId?: FrIconClassName | RiIconClassName;
  size?: "small" | "medium";
}

export function ConfirmButton({ label, confirm, what, warning, onConfirm, pending, priority = "secondary", iconId, size = "medium" }: Props) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  const warningId = useId();
  useEffect(() => {
    if (moved.current) (asking ? yes : ask).current?.focus();
  }, [asking]);
  const set = (on: boolean) => {
    moved.current = true;
    setAsking(on);
  };
  const sr = what ? <span className={fr.cx("fr-sr-only")}>{` ${what}`}</span> : null;
  if (!asking)
    return (
      <Button ref={ask} type="button" size={size} priority={priority} iconId={iconId!} iconPosition="left" onClick={() => set(true)}>
        {label}
        {sr}
      </Button>
    );
  return (
    <span className="cles-survey-confirm">
      {warning && (
        <span id={warningId} className={fr.cx("fr-text--sm", "fr-mb-0")}>
          {warning}
        </span>
      )}
      <Button ref={yes} type="button" size={size} onClick={onConfirm} disabled={pending} nativeButtonProps={warning ? { "aria-describedby": warningId } : {}}>
        {pending ? "En cours…" : confirm}
        {sr}
      </Button>
      <Button type="button" size={size} priority="tertiary" onClick={() => set(false)}>
        Annuler
      </Button>
    </span>
  );
}

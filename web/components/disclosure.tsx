/** Inline forms opened by a button, and deletions asked twice: the focus always lands somewhere sensible. */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef, useState } from "react";

/**
 * An inline form opened by a button: when the form closes (saved or cancelled),
 * the focus goes back to the button that opened it.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    if (!open && closed.current) trigger.current?.focus();
  }, [open]);
  return {
    open,
    trigger,
    show: () => setOpen(true),
    close: () => {
      closed.current = true;
      setOpen(false);
    },
  };
}

/** A delete button that asks once more before deleting; the focus stays on whichever button replaced the one pressed. */
export function ConfirmDelete({ label, what, onConfirm, pending }: { label: string; what: string; onConfirm: () => void; pending: boolean }) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    (asking ? confirm : ask).current?.focus();
  }, [asking]);
  const set = (on: boolean) => {
    moved.current = true;
    setAsking(on);
  };
  if (!asking)
    return (
      <Button ref={ask} type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" iconPosition="left" onClick={() => set(true)}>
        {label}
        <span className={fr.cx("fr-sr-only")}>{` ${what}`}</span>
      </Button>
    );
  return (
    <span className="cles-confirm">
      <Button ref={confirm} type="button" size="small" onClick={onConfirm} disabled={pending}>
        {`Confirmer la suppression`}
        <span className={fr.cx("fr-sr-only")}>{` ${what}`}</span>
      </Button>
      <Button type="button" size="small" priority="tertiary" onClick={() => set(false)}>
        Annuler
      </Button>
    </span>
  );
}

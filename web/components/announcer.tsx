/**
 * One polite status region for the whole app, and `announce` to say in it what a save did
 * (« Avancement ajouté. »): screen readers read it without moving the focus (WCAG 4.1.3).
 * The region exists from the start (a region added with its text is often not read), and
 * the same message said twice is read twice (emptied, then written on the next frame).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { useSyncExternalStore } from "react";

let message = "";
const listeners = new Set<() => void>();
const publish = (next: string) => {
  message = next;
  for (const listener of listeners) listener();
};

/** Says `text` in the status region. */
export function announce(text: string): void {
  publish("");
  requestAnimationFrame(() => publish(text));
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The region, rendered once by the app's frame. */
export function Announcer() {
  const text = useSyncExternalStore(subscribe, () => message);
  return (
    <div id="annonces" role="status" aria-live="polite" aria-atomic="true" className={fr.cx("fr-sr-only")}>
      {text}
    </div>
  );
}

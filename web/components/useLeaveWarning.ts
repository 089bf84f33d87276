/**
 * Warns before leaving a page with unsaved changes: closing or reloading the tab
 * (the browser's own question) and following a link of the app (a confirmation).
 * The app's router is not a data router, so links are caught before React Router sees them.
 */
import { useEffect } from "react";

export const LEAVE_MESSAGE = "Vos modifications de la revue ne sont pas enregistrées. Quitter la page sans les enregistrer ?";

/** `message`: what the confirmation asks, naming what would be lost. */
export function useLeaveWarning(dirty: boolean, message = LEAVE_MESSAGE): void {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const click = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement)) return;
      // A download, a new tab or an anchor of this page does not leave it.
      if (link.hasAttribute("download") || (link.target && link.target !== "_self")) return;
      const to = new URL(link.href, window.location.href);
      if (to.origin === window.location.origin && to.pathname === window.location.pathname) return;
      if (!window.confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    // Capture on the document runs before React's listener on its root.
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [dirty, message]);
}

/**
 * DSFR's own script (menus, modals, accordions, tabs: about 110 KB, and some 300 ms of
 * main thread on a small machine to evaluate and to scan the page) is fetched once the
 * first page has shown its data, not before: react-dsfr's start waits for `dsfrGate`
 * (web/dsfr-defer-plugin.ts puts the wait in it at build). Until then those widgets wait,
 * as they do on a slow network; a page that never says it has shown opens the gate after
 * two seconds.
 */
let open: () => void = () => undefined;
export const dsfrGate = new Promise<void>((resolve) => {
  open = resolve;
});
const FALLBACK_MS = 2000;
setTimeout(() => open(), FALLBACK_MS);

/** Called when a page has rendered its content: the gate opens after that frame is painted. */
export function firstPageShown(): void {
  requestAnimationFrame(() => setTimeout(open, 0));
}

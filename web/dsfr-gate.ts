/**
 * DSFR's own script (menus, modals, accordions, tabs: about 110 KB, and some 300 ms of
 * main thread on a small machine to evaluate and to scan the page) is fetched once the
 * first page has shown its data, not before: react-dsfr's start waits for `dsfrGate`
 * (web/dsfr-defer-plugin.ts puts the wait in it at build). Until then those widgets wait,
 * as they do on a slow network; a page that never says it has shown opens the gate after
 * two seconds. A click on a DSFR disclosure control (a modal's opener, the header's menu)
 * made before the script has started is not lost: it opens the gate at once and is
 * replayed on the control as soon as DSFR has taken it in hand.
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

/** DSFR marks its root `data-fr-js` when started, and each element it handles `data-fr-js-<kind>`. */
const dsfrStarted = (): boolean => document.documentElement.hasAttribute("data-fr-js");
const handledByDsfr = (element: Element): boolean => Array.from(element.attributes).some((a) => a.name.startsWith("data-fr-js-"));
const REPLAY_WITHIN_MS = 10_000;
const waiting = new Set<HTMLElement>();

function replayWhenHandled(control: HTMLElement, since: number): void {
  if (!control.isConnected || performance.now() - since > REPLAY_WITHIN_MS) {
    waiting.delete(control);
  } else if (dsfrStarted() && handledByDsfr(control)) {
    waiting.delete(control);
    control.click();
  } else {
    requestAnimationFrame(() => replayWhenHandled(control, since));
  }
}

function earlyClick(event: MouseEvent): void {
  if (dsfrStarted()) {
    document.removeEventListener("click", earlyClick, true);
    return;
  }
  const control = event.target instanceof Element ? event.target.closest<HTMLElement>("[aria-controls][data-fr-opened]") : null;
  if (!control || waiting.has(control)) return;
  open();
  waiting.add(control);
  replayWhenHandled(control, performance.now());
}
if (typeof document !== "undefined") document.addEventListener("click", earlyClick, true);

/** What the browser tests of public pages share: every axe violation, and moving the focus with the keyboard. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** Every accessibility violation, whatever its impact, best practices included (the public pages must meet RGAA). */
export async function allViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/** What has the focus: its id, name, text, and whether it matches `selector`. */
export const focused = (page: Page, selector = "*") =>
  page.evaluate((s) => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? "", name: el?.getAttribute("name") ?? "", text: el?.textContent?.trim() ?? "", matches: !!el?.matches(s), checked: (el as HTMLInputElement | null)?.checked ?? false };
  }, selector);

/** Presses Tab (or Shift+Tab) until the focus is on an element matching `selector` (and `text` when given). */
export async function tabTo(page: Page, selector: string, options: { back?: boolean; text?: RegExp; max?: number } = {}): Promise<void> {
  let now = await focused(page, selector);
  for (let i = 0; i < (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
    now = await focused(page, selector);
    if (now.matches && (!options.text || options.text.test(now.text))) return;
  }
  throw new Error(`the focus never reached ${selector} ${options.text ?? ""}; it is on #${now.id || now.name} « ${now.text.slice(0, 60)} »`);
}

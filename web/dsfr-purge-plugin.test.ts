import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dsfrUsedRules } from "./dsfr-purge-plugin";

const DSFR = "node_modules/@codegouvfr/react-dsfr";
const CSS = `${DSFR}/dsfr/dsfr.min.css`;

describe("the DSFR stylesheet, trimmed to what the app uses", () => {
  it("keeps what the components and DSFR's script set at run time, drops what nothing names", { timeout: 60_000 }, async () => {
    const plugin = dsfrUsedRules({ webDir: "web", dsfrDir: DSFR });
    const load = plugin.load as (id: string) => Promise<string | null>;
    expect(await load("/somewhere/else.css")).toBeNull();
    const full = readFileSync(CSS, "utf8");
    const css = (await load(`${process.cwd()}/${CSS}?direct`))!;
    expect(css.length).toBeLessThan(full.length * 0.7);
    // Modifiers DSFR's script adds (disclosures: modal, collapse, tabs) and the attributes it sets.
    for (const kept of [".fr-modal--opened", ".fr-collapse--expanded", ".fr-tabs__panel--selected", "[data-fr-js-table=true]", ".fr-nav__item--align-right"]) expect(css, kept).toContain(kept);
    // Modifiers the components build from props, and classes the pages name.
    for (const kept of [".fr-badge--success", ".fr-alert--error", ".fr-btn--tertiary-no-outline", ".fr-btns-group--inline-md", ".fr-tile--horizontal", ".fr-sidemenu", ".fr-table"]) expect(css, kept).toContain(kept);
    // Colour variants nothing uses.
    for (const dropped of [".fr-table--green-archipel", ".fr-callout--pink-tuile", ".fr-tag--purple-glycine"]) {
      expect(full, dropped).toContain(dropped);
      expect(css, dropped).not.toContain(dropped);
    }
  });
});

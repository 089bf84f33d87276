/**
 * Build-time only (vite.config.ts), never part of the app: keeps in the DSFR stylesheet
 * (dsfr.min.css, about 730 KB) only the rules whose classes the app can use, with PurgeCSS:
 * the class names written in web/, in the react-dsfr components, and those DSFR's own script
 * builds at run time from its prefix (`ns("collapse--expanded")` → `fr-collapse--expanded`).
 * Classes the components build from parts (`fr-badge--${severity}`) are kept by pattern;
 * so do the rules on the `data-fr-…` attributes the script sets; variables, fonts and
 * keyframes stay.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PurgeCSS } from "purgecss";
import type { Plugin } from "vite";
import { files } from "./dsfr-icons-plugin";

const DSFR_CSS = /@codegouvfr[\\/]react-dsfr[\\/]dsfr[\\/]dsfr(\.min)?\.css$/;

/**
 * Modifiers the react-dsfr components build from a prop (`fr-badge--${severity}`,
 * `fr-btn--${priority}`…), with the values the app passes; a new value needs its line here.
 */
export const DYNAMIC_CLASSES = [
  /^fr-(alert|badge|notice)--(info|success|error|warning|new)$/,
  /^fr-btn--(primary|secondary|tertiary|tertiary-no-outline|icon-left|icon-right|sm|md|lg)$/,
  /^fr-btns-group--(left|center|right|between|icon-left|icon-right|inline|inline-sm|inline-md|inline-lg|sm|md|lg|equisized)$/,
  /^fr-(input|select|checkbox|radio|upload|range|toggle|fieldset)(-group)?--(error|valid|info|disabled|inline)$/,
  /^fr-tile--(horizontal|vertical|sm|download|no-border|no-icon|grey)(-md|-lg)?$/,
  /^fr-card--horizontal-(tier|half)$/,
  /^fr-text--(xs|sm|md|lg|xl|lead|bold|regular|heavy|alt)$/,
  /^fr-(error|valid|info|success|warning)-text$/,
  /^fr-h[1-6]$/,
];

/**
 * DSFR's script names its classes without the prefix (`ns.selector("collapse")`) and builds
 * modifiers from parts (`selector + "--" + "opened"`, `${ITEM}--align-right`): every word of
 * it, prefixed, is a class it may set, and every word may end a class as its modifier.
 */
function dsfrScript(dsfrDir: string): { classes: string; modifiers: RegExp } {
  const script = readFileSync(join(dsfrDir, "dsfr", "dsfr.module.js"), "utf8");
  const words = [...new Set(script.match(/[a-z][a-z0-9]*(?:[-_]{1,2}[a-z0-9]+)*/g) ?? [])];
  const modifiers = words.filter((w) => /^[a-z][a-z0-9-]*$/.test(w));
  return { classes: words.map((w) => `fr-${w}`).join(" "), modifiers: new RegExp(`^fr-[a-z0-9_-]+--(${modifiers.join("|")})$`) };
}

export function dsfrUsedRules(options: { webDir: string; dsfrDir: string }): Plugin {
  return {
    name: "cles-dsfr-used-rules",
    apply: "build",
    async load(id) {
      const path = id.split("?")[0] ?? "";
      if (!DSFR_CSS.test(path)) return null;
      const content = [
        ...files(options.webDir, (p) => /\.(tsx?|html|css)$/.test(p) && !/dsfr-(purge|icons)-plugin\.ts$|\.test\.tsx?$/.test(p)),
        // The components' JS, not the package's copy of the DSFR nor its generated lists of every class.
        ...files(options.dsfrDir, (p) => p.endsWith(".js"), (p) => /[\\/](dsfr|src|generatedFromCss|mui|next-app-router|bin|tools)$/.test(p)),
      ];
      const script = dsfrScript(options.dsfrDir);
      const [result] = await new PurgeCSS().purge({
        content: [...content, join(options.dsfrDir, "dsfr", "dsfr.module.js"), { raw: script.classes, extension: "html" }],
        css: [{ raw: readFileSync(path, "utf8") }],
        // `[data-fr-js-table=true]`…: attributes DSFR's script sets from its prefix at run time.
        safelist: { standard: [...DYNAMIC_CLASSES, script.modifiers], greedy: [/data-fr-/] },
        variables: false,
        keyframes: false,
        fontFace: false,
      });
      return result!.css;
    },
  };
}

/** What the browser tests of required fields share (issue 19, finding 6): a form's controls as assistive technologies see them. */
import type { Locator } from "playwright-core";
import { expect } from "vitest";

/** The sentence a form with required and optional fields says once, at its top (web/components/form.tsx). */
export const NOTE = "Sauf mention « (facultatif) », tous les champs sont obligatoires.";

export interface Control {
  label: string;
  required: string | null;
  invalid: string | null;
}

/**
 * The text controls of a form (inputs, selects, text areas, rich text), those hidden from
 * assistive technologies (a honeypot) left out: visible label without its hint, aria-required,
 * aria-invalid.
 */
export function controlsOf(form: Locator): Promise<Control[]> {
  return form.evaluate((el) => {
    const visible = (label: Element | null | undefined) => {
      if (!label) return "";
      const copy = label.cloneNode(true) as Element;
      copy.querySelectorAll(".fr-hint-text").forEach((hint) => hint.remove());
      return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    };
    const controls = [...el.querySelectorAll<HTMLElement>("input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea, [contenteditable=true][role=textbox]")].filter(
      (c) => !c.closest("[aria-hidden=true]"),
    );
    return controls.map((control) => {
      const labelledBy = control.getAttribute("aria-labelledby");
      const label = labelledBy ? document.getElementById(labelledBy) : (control as HTMLInputElement).labels?.[0];
      return { label: visible(label), required: control.getAttribute("aria-required"), invalid: control.getAttribute("aria-invalid") };
    });
  });
}

/** The required and optional controls are told apart only by « (facultatif) », and aria-required says the same. */
export function expectMarkedOneWay(controls: Control[]): void {
  for (const c of controls) {
    expect(c.label, "a control without a visible label").not.toBe("");
    expect({ label: c.label, required: c.required }).toEqual({ label: c.label, required: c.label.endsWith("(facultatif)") ? null : "true" });
  }
}

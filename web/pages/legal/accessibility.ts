/**
 * What the accessibility statement says was tested and what is known not to be accessible
 * (the findings of the partial RGAA audit of issue 19, in plain words). Update both when a
 * finding is fixed or a new audit is done, with the statement's date.
 */

/** The date the statement was made (or last revised), as it is shown. */
export const STATEMENT_DATE = "4 décembre 2026";

/**
 * The last automatic scan of every page (e2e/axe-every-page.test.ts, which checks that it
 * scans this many pages and finds nothing): axe-core with WCAG 2.2 A and AA and the best
 * practices, each page at these widths.
 */
export const AXE_SCAN = { pages: 57, widths: [1280, 320], violations: 0 } as const;

/** The pages whose states the browser tests check with axe-core and the keyboard. */
export const TESTED_PAGES: readonly string[] = [
  "Connexion, mot de passe oublié, invitation",
  "Liste des contrats et page d'un contrat",
  "Tableau de bord, tableau de suivi COTECH, chronologie",
  "Fiches actions : liste, fiche, formulaire, suivi d'une fiche, import",
  "Gouvernance, réunions (liste, réunion, formulaire), calendrier, diaporama de comité",
  "Revues trimestrielles, bilan annuel, évaluation et son questionnaire",
  "Ateliers des habitants : liste, atelier, formulaire, tables ; appel à participation et annulation publics",
  "Sondages : liste, formulaire, résultats, saisie papier ; questionnaire public",
  "Ambassadeurs santé, membres du contrat, mon compte",
  "Page publique d'un contrat",
  "Mentions légales, données personnelles, déclaration d'accessibilité, plan du site",
];

/** Content known not to be accessible, as found by the partial audit. */
export const NON_ACCESSIBLE: readonly string[] = [
  "L'aperçu du bilan annuel, affiché dans un cadre, contient son propre titre de niveau 1.",
  "Dans l'éditeur de revue, le texte d'une section rédigée avant le 4 décembre 2026, ou collé depuis un autre document, peut garder des titres de niveau 4 sous le titre de niveau 2 de la section, tant qu'elle n'a pas été actualisée (la revue publiée, elle, les remet à leur niveau).",
  "Les documents produits par Clés (Word, PDF, PowerPoint, tableurs) n'ont pas encore été contrôlés.",
];

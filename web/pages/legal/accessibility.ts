/**
 * What the accessibility statement says was tested and what is known not to be accessible
 * (the findings of the partial RGAA audit of issue 19, in plain words). Update both when a
 * finding is fixed or a new audit is done, with the statement's date.
 */

/** The date the statement was made (or last revised), as it is shown. */
export const STATEMENT_DATE = "3 décembre 2026";

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
  "Sur le formulaire d'une fiche action et dans l'éditeur de revue, la barre d'actions fixée en bas de l'écran cache parfois le champ qui a le focus, surtout sur un petit écran ou avec un zoom important.",
  "Le focus clavier est perdu (il revient en haut de la page) après « Enregistrer » dans l'éditeur de revue, après le téléchargement d'un document sur la page du bilan annuel, et après « Annuler » dans les panneaux de publication et d'actualisation d'une revue ; ces panneaux ne se ferment pas avec la touche Échap.",
  "Sur un écran de 320 pixels de large, les tableaux des communes et des signataires de la page d'un contrat et le tableau « Invités et présents » de la page d'une réunion défilent horizontalement mais ne peuvent pas être atteints au clavier.",
  "L'enregistrement d'un avancement ou d'une cellule du tableau de suivi COTECH n'est pas annoncé aux lecteurs d'écran ; le message « Revue enregistrée » est annoncé deux fois ; les avertissements de gouvernance du tableau de bord et de la page Gouvernance sont lus à chaque chargement de la page.",
  "Les champs en erreur ne sont pas signalés comme invalides aux technologies d'assistance ; les champs obligatoires ne sont pas indiqués de la même façon partout (le formulaire d'une réunion n'en indique aucun) ; le récapitulatif des erreurs n'emploie pas toujours l'intitulé visible du champ.",
  "Les pages d'un contrat ont le même titre de page quel que soit le contrat, et la page d'un contrat a le même titre que sa page publique.",
  "Dans les revues trimestrielles, des titres de niveau 4 suivent directement un titre de niveau 2 ; dans le questionnaire d'évaluation, le titre d'une alerte est de niveau 3 juste sous le titre de la page ; l'aperçu du bilan annuel contient un second en-tête et un second contenu principal.",
  "Le champ de dépôt d'un fichier sur la page d'une réunion renvoie à une description qui n'existe pas ; la barre d'outils de l'éditeur de texte mis en forme ne se parcourt pas avec les flèches du clavier.",
  "Les documents produits par Clés (Word, PDF, PowerPoint, tableurs) n'ont pas encore été contrôlés.",
];

/**
 * The personal data Clés keeps, by kind, as the « Données personnelles » page states it. The
 * residents' kinds say the same as each contract's « registre des traitements »
 * (server/features/participation/processing-register.ts).
 */
export interface DataKind {
  id: string;
  title: string;
  data: string;
  purpose: string;
  legalBasis: string;
  readers: string;
  retention: string;
}

const PUBLIC_MISSION = "Mission d'intérêt public confiée aux signataires du contrat local de santé (RGPD, article 6-1-e).";
const CONSENT = "Consentement de la personne (RGPD, article 6-1-a), qu'elle peut retirer à tout moment.";
const COORDINATION_ONLY = "L'équipe de coordination du contrat local de santé concerné, seule ; ni les partenaires, ni l'ARS, ni le public, qui ne voient que des nombres.";

export const DATA_KINDS: readonly DataKind[] = [
  {
    id: "comptes",
    title: "Comptes des utilisateurs",
    data: "Nom, adresse e-mail, mot de passe (conservé sous forme d'empreinte, jamais en clair), rôle et contrats auxquels la personne a accès, préférences de notification, modifications faites (historique).",
    purpose: "Donner accès à la plateforme aux personnes qui rédigent, pilotent et suivent un contrat ; leur envoyer les invitations, rappels et notifications ; garder la trace de qui a modifié quoi.",
    legalBasis: PUBLIC_MISSION,
    readers: "Les membres des contrats auxquels la personne participe, l'administration de la plateforme.",
    retention: "Tant que le compte est ouvert. Le nom de l'auteur d'une modification reste dans l'historique du contrat aussi longtemps que le contrat.",
  },
  {
    id: "membres",
    title: "Membres des contrats et des instances",
    data: "Nom, organisation, fonction, adresse e-mail des membres des instances (COPIL, COTECH, groupes de travail) et des représentants des signataires ; pilotes et partenaires des fiches actions.",
    purpose: "Faire vivre la gouvernance du contrat : composer les instances, convoquer, désigner qui pilote chaque fiche action.",
    legalBasis: PUBLIC_MISSION,
    readers: "Les membres du contrat et l'ARS qui le suit.",
    retention: "Pendant la durée du contrat et de son évaluation.",
  },
  {
    id: "reunions",
    title: "Participants aux réunions",
    data: "Nom et organisation des personnes invitées, présentes, excusées ou représentées ; comptes rendus et décisions.",
    purpose: "Préparer les réunions des instances, en tenir la feuille de présence et en garder le compte rendu.",
    legalBasis: PUBLIC_MISSION,
    readers: "Les membres du contrat et l'ARS qui le suit.",
    retention: "Pendant la durée du contrat et de son évaluation.",
  },
  {
    id: "ateliers",
    title: "Inscriptions des habitants aux ateliers",
    data: "Prénom, nom ou initiales, moyen de contact (e-mail, téléphone ou partenaire), commune, quartier prioritaire, tranche d'âge, genre, catégorie socioprofessionnelle (facultative), disponibilités, besoins d'accessibilité et alimentaires, présence aux séances.",
    purpose: "Organiser les ateliers des habitants : composer des tables variées, prévenir les personnes inscrites, tenir la liste d'attente.",
    legalBasis: CONSENT,
    readers: COORDINATION_ONLY,
    retention: "12 mois par défaut après la dernière séance de l'atelier (la coordination peut choisir une autre durée), puis effacement automatique.",
  },
  {
    id: "sondages",
    title: "Personnes qui répondent aux sondages",
    data: "Adresse e-mail, seulement si la personne la laisse pour être recontactée. Les réponses elles-mêmes sont anonymes.",
    purpose: "Recontacter, si elles le souhaitent, les personnes qui ont répondu au questionnaire, au sujet de ses suites.",
    legalBasis: CONSENT,
    readers: COORDINATION_ONLY,
    retention: "12 mois par défaut après la clôture du questionnaire, puis effacement automatique de l'adresse (les réponses anonymes restent).",
  },
  {
    id: "ambassadeurs",
    title: "Ambassadeurs santé",
    data: "Prénom, nom, quartier prioritaire, e-mail et téléphone (facultatifs), dates d'arrivée et de départ du réseau, notes de la coordination, formations suivies et actions menées, accord donné.",
    purpose: "Animer le réseau des ambassadeurs santé : les prévenir des formations et des actions, compter les formations suivies et les actions menées.",
    legalBasis: CONSENT,
    readers: COORDINATION_ONLY,
    retention: "Tant que la personne fait partie du réseau, puis 12 mois par défaut après son départ, puis effacement automatique.",
  },
];

export interface CookieInfo {
  name: string;
  purpose: string;
  lifetime: string;
}

/** Every cookie the site sets: all strictly necessary, none for tracking or audience measurement. */
export const COOKIES: readonly CookieInfo[] = [
  { name: "cles.session_token", purpose: "Garder la session ouverte après la connexion.", lifetime: "14 jours, ou jusqu'à la déconnexion" },
  { name: "cles.csrf", purpose: "Protéger les formulaires contre les requêtes envoyées depuis un autre site (protection CSRF).", lifetime: "Jusqu'à la fermeture du navigateur" },
  {
    name: "cles.device",
    purpose: "Sur les sondages publics seulement : un identifiant tiré au hasard, pour qu'un même appareil ne réponde qu'une fois. Il ne contient rien sur la personne et ne sert à aucun suivi.",
    lifetime: "12 mois",
  },
];

/**
 * Who runs this instance of Clés: the legal pages (mentions légales, données personnelles,
 * déclaration d'accessibilité) read it. Clés is free software that any public body may run;
 * the operator of each instance fills in this object before going live. Every value still
 * marked TO_COMPLETE is shown on the pages as « à compléter par l'opérateur de l'instance ».
 */

/** The mark of a value the operator has not filled in yet. */
export const TO_COMPLETE = "à compléter par l'opérateur de l'instance";

export interface InstanceInfo {
  /** The public body that publishes the site (name, legal form, SIRET). */
  publisher: { name: string; legalForm: string; address: string; siret: string };
  /** The person responsible for what is published (usually the head of the publisher). */
  publicationDirector: string;
  /** The host of the servers (name, address, phone). */
  host: { name: string; address: string; phone: string };
  /** Where people write about the service: questions, accessibility problems. */
  contact: { email: string; postalAddress: string };
  /** The publisher's data protection officer (délégué à la protection des données). */
  dataProtectionOfficer: { email: string; postalAddress: string };
}

export const INSTANCE: InstanceInfo = {
  publisher: { name: TO_COMPLETE, legalForm: TO_COMPLETE, address: TO_COMPLETE, siret: TO_COMPLETE },
  publicationDirector: TO_COMPLETE,
  host: { name: TO_COMPLETE, address: TO_COMPLETE, phone: TO_COMPLETE },
  contact: { email: TO_COMPLETE, postalAddress: TO_COMPLETE },
  dataProtectionOfficer: { email: TO_COMPLETE, postalAddress: TO_COMPLETE },
};

/** Whether the operator filled in a value. */
export const isFilled = (value: string): boolean => value.trim() !== "" && value !== TO_COMPLETE;

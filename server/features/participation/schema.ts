/** What the participation routes accept: workshop series, registrations, tables, syntheses. */
import { z } from "zod";
import { AGE_BANDS, CONTACT_WAYS, GENDERS, SOCIO_CATEGORIES, type AgeBand, type ContactWay, type Gender, type SocioCategory } from "../../domain/participation.js";
import { inseeCode, isoDate, isoDateTime, optionalText, requiredText, uuid, version } from "../../validation/fields.js";

const keys = <T extends Record<string, string>>(vocabulary: T) => Object.keys(vocabulary) as [keyof T & string, ...(keyof T & string)[]];

const topic = z.object({
  /** Kept when the topic already exists (its syntheses stay with it). */
  id: uuid.optional(),
  title: requiredText("Le thème", 300),
  questions: z.array(requiredText("Une question", 1000)).max(10, { error: "Au plus 10 questions par thème." }).default([]),
  actionIds: z.array(uuid).max(40).default([]),
});

const session = z
  .object({
    id: uuid.optional(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    place: requiredText("Le lieu de la séance", 500),
    roundMinutes: z
      .number({ error: "Indiquez la durée d'un tour en minutes." })
      .int({ error: "La durée d'un tour est un nombre entier de minutes." })
      .min(5, { error: "Un tour dure au moins 5 minutes." })
      .max(240, { error: "Un tour dure au plus 240 minutes." })
      .default(25),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { path: ["endsAt"], error: "La fin de la séance doit suivre son début." });

const moderator = z.object({ userId: z.string().max(100).nullable().default(null), name: requiredText("Le nom de l'animateur ou de l'animatrice", 200) });

export const workshopBody = z
  .object({
    bodyId: uuid,
    title: requiredText("Le titre de l'atelier", 300),
    intro: optionalText("La présentation", 5000).default(""),
    capacity: z.number({ error: "Indiquez le nombre de places." }).int().min(2, { error: "Au moins 2 places." }).max(500, { error: "Au plus 500 places." }),
    maxPerTable: z.number({ error: "Indiquez le nombre maximal de personnes par table." }).int().min(2, { error: "Au moins 2 personnes par table." }).max(12, { error: "Au plus 12 personnes par table." }),
    tableCount: z.number({ error: "Indiquez le nombre de tables." }).int().min(1, { error: "Au moins une table." }).max(50, { error: "Au plus 50 tables." }),
    meal: z.boolean().default(false),
    deadline: isoDate,
    retentionMonths: z.number().int().min(1, { error: "Au moins un mois de conservation." }).max(36, { error: "Au plus 36 mois de conservation." }).default(12),
    moderators: z.array(moderator).max(50).default([]),
    topics: z.array(topic).min(1, { error: "Indiquez au moins un thème." }).max(20),
    sessions: z.array(session).min(1, { error: "Indiquez au moins une séance." }).max(10),
  })
  .superRefine((w, ctx) => {
    if (w.capacity > w.maxPerTable * w.tableCount)
      ctx.addIssue({ code: "custom", path: ["capacity"], message: `${w.tableCount} tables de ${w.maxPerTable} personnes ne peuvent accueillir que ${w.maxPerTable * w.tableCount} personnes.` });
    if (w.moderators.length > w.tableCount) ctx.addIssue({ code: "custom", path: ["moderators"], message: "Un animateur ou une animatrice par table, au plus." });
  });
export type WorkshopBody = z.infer<typeof workshopBody>;
export const workshopUpdateBody = workshopBody.and(z.object({ version }));
export type WorkshopUpdateBody = z.infer<typeof workshopUpdateBody>;

export const callBody = z.object({ published: z.boolean({ error: "Indiquez si l'appel est publié." }) });

const email = z.email({ error: "Indiquez une adresse e-mail valide (par exemple prenom.nom@exemple.fr)." }).max(254);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{10,20}$/, { error: "Indiquez un numéro de téléphone (par exemple 06 12 34 56 78)." });

/** The registration form (public page, or a partner for a resident). */
export const registrationBody = z
  .object({
    firstName: requiredText("Le prénom", 100),
    lastName: requiredText("Le nom ou les initiales", 100),
    contactWay: z.enum(keys(CONTACT_WAYS) as [ContactWay, ...ContactWay[]], { error: "Choisissez comment vous joindre." }),
    email: z.union([z.literal(""), email]).default(""),
    phone: z.union([z.literal(""), phone]).default(""),
    partnerName: optionalText("Le partenaire", 200).default(""),
    communeInsee: inseeCode,
    /** A priority area's id, "none" or "unknown". */
    qpv: z.string({ error: "Indiquez si vous habitez un quartier prioritaire." }).min(1, { error: "Indiquez si vous habitez un quartier prioritaire." }).max(100),
    ageBand: z.enum(keys(AGE_BANDS) as [AgeBand, ...AgeBand[]], { error: "Choisissez votre tranche d'âge." }),
    gender: z.enum(keys(GENDERS) as [Gender, ...Gender[]], { error: "Choisissez une réponse (ou « Ne souhaite pas répondre »)." }),
    category: z.enum(keys(SOCIO_CATEGORIES) as [SocioCategory, ...SocioCategory[]], { error: "Choisissez une situation dans la liste." }).nullable().default(null),
    household: optionalText("Le nom du groupe", 100).default(""),
    sessionIds: z.array(uuid).min(1, { error: "Choisissez au moins une séance." }).max(10),
    accessibilityNeeds: optionalText("Les besoins d'accessibilité", 1000).default(""),
    dietaryNeeds: optionalText("Les besoins alimentaires", 1000).default(""),
    consent: z.literal(true, { error: "Pour vous inscrire, cochez la case d'accord sur l'usage de vos informations." }),
    /** Honeypot: a field people never see; a robot fills it. */
    website: z.string().max(500).default(""),
  })
  .superRefine((r, ctx) => {
    if (r.contactWay === "email" && !r.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Indiquez votre adresse e-mail, ou choisissez une autre façon de vous joindre." });
    if (r.contactWay === "phone" && !r.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "Indiquez votre numéro de téléphone, ou choisissez une autre façon de vous joindre." });
    if (r.contactWay === "partner" && !r.partnerName) ctx.addIssue({ code: "custom", path: ["partnerName"], message: "Indiquez le partenaire par lequel vous joindre." });
  });
export type RegistrationBody = z.infer<typeof registrationBody>;

export const cancelBody = z.object({ token: z.string().min(20, { error: "Ce lien d'annulation n'est pas valide." }).max(200) });
export const attendanceBody = z.object({ sessionIds: z.array(uuid).max(10) });

/** Composing a session's tables: from scratch (locked places kept) or as another session's. */
export const composeBody = z.object({
  seed: z.number().int().min(0).max(2_147_483_647).default(1),
  /** Take the tables of this session of the same workshop (the same people, the same tables). */
  fromSessionId: uuid.nullable().default(null),
});
/** The tables as the coordinator arranged them: registration ids per table, and the locked ones. */
export const tablesBody = z.object({
  tables: z.array(z.array(uuid).max(12)).min(1).max(50),
  locked: z.array(uuid).max(500).default([]),
});

export const synthesisBody = z.object({
  topicId: uuid,
  /** A table's synthesis in a session; both null: the workshop's synthesis of the topic. */
  sessionId: uuid.nullable().default(null),
  tableIndex: z.number().int().min(0).max(49).nullable().default(null),
  text: optionalText("La synthèse", 20_000),
});

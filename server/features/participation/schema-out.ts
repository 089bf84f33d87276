/** What the participation routes answer. Residents' personal data only in the coordination's answers. */
import { z } from "zod";
import { AGE_BANDS, CONTACT_WAYS, GENDERS, REGISTRATION_STATUSES, SOCIO_CATEGORIES } from "../../domain/participation.js";
import { itemsOf, keyEnum } from "../../http/responses.js";

const rotation = z
  .object({
    rounds: z.array(z.object({ index: z.number(), start: z.string(), end: z.string(), assignments: z.array(z.object({ table: z.number(), topic: z.string() })) })),
  })
  .nullable();

export const workshopListOut = itemsOf(
  z.object({
    id: z.string(),
    title: z.string(),
    capacity: z.number(),
    deadline: z.string(),
    callPublished: z.boolean(),
    sessions: z.array(z.object({ id: z.string(), startsAt: z.date(), endsAt: z.date(), place: z.string() })),
    registered: z.number(),
    waitlisted: z.number(),
  }),
);

export const workshopOut = z.object({
  id: z.string(),
  contractId: z.string(),
  bodyId: z.string(),
  title: z.string(),
  intro: z.string(),
  capacity: z.number(),
  maxPerTable: z.number(),
  tableCount: z.number(),
  meal: z.boolean(),
  deadline: z.string(),
  retentionMonths: z.number(),
  moderators: z.array(z.object({ userId: z.string().nullable(), name: z.string() })),
  callPublishedAt: z.date().nullable(),
  version: z.number(),
  topics: z.array(z.object({ id: z.string(), title: z.string(), questions: z.array(z.string()), actionIds: z.array(z.string()) })),
  sessions: z.array(z.object({ id: z.string(), startsAt: z.date(), endsAt: z.date(), place: z.string(), roundMinutes: z.number(), rotation })),
  syntheses: z.array(z.object({ id: z.string(), topicId: z.string(), sessionId: z.string().nullable(), tableIndex: z.number().nullable(), text: z.string(), updatedAt: z.date() })),
  registered: z.number(),
  waitlisted: z.number(),
  priorityAreas: z.array(z.object({ id: z.string(), name: z.string() })),
  permissions: z.object({ manage: z.boolean(), readResidents: z.boolean(), register: z.boolean() }),
});

export const createdOut = z.object({ id: z.string() });

export const registrationOut = z.object({
  id: z.string(),
  status: keyEnum(REGISTRATION_STATUSES),
  firstName: z.string(),
  lastName: z.string(),
  contactWay: keyEnum(CONTACT_WAYS),
  email: z.string(),
  phone: z.string(),
  partnerName: z.string(),
  communeInsee: z.string(),
  qpv: z.string(),
  ageBand: keyEnum(AGE_BANDS),
  gender: keyEnum(GENDERS),
  category: keyEnum(SOCIO_CATEGORIES).nullable(),
  household: z.string(),
  sessionIds: z.array(z.string()),
  attendedSessionIds: z.array(z.string()),
  accessibilityNeeds: z.string(),
  dietaryNeeds: z.string(),
  source: z.enum(["public", "partner"]),
  createdAt: z.date(),
  cancelledAt: z.date().nullable(),
});
export const registrationListOut = itemsOf(registrationOut);

/** What the person is told once registered: a place, or a rank on the waitlist. */
export const registeredOut = z.object({ id: z.string(), status: z.enum(["registered", "waitlisted"]), waitlistRank: z.number().nullable(), message: z.string() });

export const registrationExportOut = z.object({
  workshop: z.string(),
  retentionMonths: z.number(),
  registration: registrationOut,
  consents: z.array(z.object({ purpose: z.string(), consentVersion: z.string(), acceptedAt: z.date(), withdrawnAt: z.date().nullable() })),
});

const tableScore = z.object({
  score: z.number(),
  diversity: z.object({ gender: z.number(), ageBand: z.number(), place: z.number(), category: z.number() }),
  householdClashes: z.number(),
});
export const tablesOut = z.object({
  sessionId: z.string(),
  workshopId: z.string(),
  maxPerTable: z.number(),
  moderators: z.array(z.object({ userId: z.string().nullable(), name: z.string() })),
  score: z.number(),
  tables: z.array(
    z.object({
      index: z.number(),
      score: tableScore,
      people: z.array(z.object({ id: z.string(), name: z.string(), locked: z.boolean(), gender: keyEnum(GENDERS), ageBand: keyEnum(AGE_BANDS), communeInsee: z.string(), household: z.string() })),
    }),
  ),
  unseated: z.array(z.object({ id: z.string(), name: z.string() })),
  /**
   * What the score is computed on, for everyone available (seated or not), without names: the
   * page recomputes each table's score as the coordinator moves people, with the same function.
   */
  profiles: z.array(
    z.object({
      id: z.string(),
      gender: z.string().nullable(),
      ageBand: z.string().nullable(),
      commune: z.string().nullable(),
      qpv: z.string().nullable(),
      category: z.string().nullable(),
      household: z.string().nullable(),
    }),
  ),
});

/** The public call for participation: no personal data, only what a resident needs to register. */
export const publicCallOut = z.object({
  contract: z.object({ name: z.string(), localAuthority: z.string(), slug: z.string() }),
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  deadline: z.string(),
  open: z.boolean(),
  full: z.boolean(),
  meal: z.boolean(),
  sessions: z.array(z.object({ id: z.string(), startsAt: z.date(), endsAt: z.date(), place: z.string() })),
  communes: z.array(z.object({ inseeCode: z.string(), name: z.string() })),
  priorityAreas: z.array(z.object({ id: z.string(), name: z.string() })),
  consent: z.object({ version: z.string(), text: z.string() }),
  privacy: z.object({ purpose: z.string(), legalBasis: z.string(), readers: z.string(), retention: z.string() }),
});

export const cancelledOut = z.object({ message: z.string() });

/** A workshop's synthesis of a topic linked to a fiche. */
export const ficheSynthesesOut = itemsOf(z.object({ workshopId: z.string(), workshopTitle: z.string(), topicTitle: z.string(), text: z.string(), updatedAt: z.date() }));

/** The « registre des traitements »: each kind of residents' data, why, for whom, how long; per workshop, how many and until when. */
export const processingRegisterOut = itemsOf(
  z.object({
    kind: z.enum(["registrations", "survey_contacts", "ambassadors"]),
    label: z.string(),
    data: z.string(),
    purpose: z.string(),
    legalBasis: z.string(),
    readers: z.string(),
    retention: z.string(),
    /** What the rows below are (« Atelier », « Sondage », « Quartier prioritaire »), and the sentence when there is none. */
    groupLabel: z.string(),
    empty: z.string(),
    /** Per workshop, survey or area: how many people, and when their data goes (`erasure`, in French). */
    groups: z.array(z.object({ id: z.string(), title: z.string(), people: z.number(), erasure: z.string() })),
  }),
);

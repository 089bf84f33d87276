/** What the communes' referents routes answer: the coordination's only (contact details are personal data). */
import { z } from "zod";
import { REFERENT_ROLES } from "../../domain/referents.js";
import { keyEnum } from "../../http/responses.js";

const role = keyEnum(REFERENT_ROLES);

export const referentOut = z.object({
  role,
  roleLabel: z.string(),
  userId: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  /** The name to show: the one typed, or the account's. */
  displayName: z.string(),
  /** The address relays go to: the one typed, or the account's. */
  contactEmail: z.string(),
  namedOn: z.string(),
  version: z.number(),
});

const communeRef = z.object({ id: z.string(), name: z.string() });
const relayedCommune = z.object({ communeId: z.string(), name: z.string(), recipients: z.number(), failed: z.boolean() });

export const relayBatchOut = z.object({
  sentAt: z.date(),
  subject: z.string(),
  reviewId: z.string().nullable(),
  reviewNumber: z.number().nullable(),
  sentByName: z.string(),
  communes: z.array(relayedCommune),
});

export const referentsOut = z.object({
  communes: z.array(
    z.object({
      id: z.string(),
      inseeCode: z.string(),
      name: z.string(),
      technical: referentOut.nullable(),
      elected: referentOut.nullable(),
      lastRelay: z.object({ sentAt: z.date(), subject: z.string(), failed: z.boolean() }).nullable(),
    }),
  ),
  coverage: z.object({
    total: z.number(),
    complete: z.number(),
    withoutReferent: z.array(communeRef),
    partial: z.array(communeRef.extend({ missing: role })),
    /** « 9 communes sur 20 ont leurs deux référents (technique et élu) ». */
    line: z.string(),
  }),
  roles: z.array(z.object({ key: role, label: z.string() })),
  directory: z.object({
    members: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
    organisations: z.array(communeRef),
  }),
  relays: z.array(relayBatchOut),
});

export const relayOut = z.object({
  sentAt: z.date(),
  subject: z.string(),
  communes: z.array(relayedCommune),
  unreached: z.array(z.object({ communeId: z.string(), name: z.string() })),
});

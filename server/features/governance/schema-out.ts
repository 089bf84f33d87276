/** What the governance routes answer: bodies, their members, meetings and alerts. */
import { z } from "zod";
import { BODY_KINDS } from "../../domain/governance.js";
import { keyEnum } from "../../http/responses.js";

const bodyKind = keyEnum(BODY_KINDS);

/** An attachment of a meeting (its page, and the attachments routes). */
export const attachmentOut = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  uploadedByName: z.string(),
  createdAt: z.date(),
});

export const bodyOut = z.object({
  id: z.string(),
  contractId: z.string(),
  name: z.string(),
  kind: bodyKind,
  kindLabel: z.string(),
  axisId: z.string().nullable(),
  actionIds: z.array(z.string()),
  participation: z.boolean(),
  rhythm: z
    .discriminatedUnion("kind", [z.object({ kind: z.literal("per_year"), count: z.number() }), z.object({ kind: z.literal("every_months"), months: z.number() })])
    .nullable(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const governanceAlertsOut = z.object({
  items: z.array(z.object({ kind: z.enum(["rhythm", "follow-up"]), bodyId: z.string().nullable(), meetingId: z.string().nullable(), message: z.string() })),
});

export const meetingSummaryOut = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  place: z.string(),
  headCount: z.number().nullable(),
  bodyId: z.string(),
  bodyName: z.string(),
  cancelledAt: z.date().nullable(),
  version: z.number(),
});

export const bodyMemberOut = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  name: z.string(),
  email: z.string(),
});

export const meetingOut = z.object({
  id: z.string(),
  contractId: z.string(),
  bodyId: z.string(),
  body: z.object({ id: z.string(), name: z.string(), kind: bodyKind }),
  title: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  place: z.string(),
  videoUrl: z.string().nullable(),
  agenda: z.array(z.object({ title: z.string(), durationMinutes: z.number().nullable(), presenter: z.string(), actionIds: z.array(z.string()) })),
  headCount: z.number().nullable(),
  minutes: z.string(),
  decisions: z.array(z.string()),
  /** Entry i: the ids of the fiches decision i concerns (one entry per decision). */
  decisionActionIds: z.array(z.array(z.string())),
  /** Entry i: the fiches decision i concerns, by number. */
  decisionFiches: z.array(z.array(z.object({ id: z.string(), number: z.number(), title: z.string() }))),
  participants: z.array(bodyMemberOut.extend({ invited: z.boolean(), present: z.boolean(), resident: z.boolean() })),
  presentCount: z.number(),
  attachments: z.array(attachmentOut),
  invitation: z.object({ sequence: z.number(), sentAt: z.date().nullable() }),
  invitationSequence: z.number(),
  invitationSentAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  permissions: z.object({ manage: z.boolean() }),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A decision that concerns a fiche (its follow-up page). */
export const ficheDecisionOut = z.object({ meetingId: z.string(), meetingTitle: z.string(), startsAt: z.date(), index: z.number(), text: z.string() });

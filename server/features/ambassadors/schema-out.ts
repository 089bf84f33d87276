/**
 * What the health ambassadors' routes answer. Names and contacts only in the coordination's
 * answers (the roster, one person's export); the network gives every reader counts, and the
 * ids of who attended only to those who may read the roster.
 */
import { z } from "zod";
import { ACTIVITY_KINDS } from "../../domain/ambassadors.js";
import { itemsOf, keyEnum } from "../../http/responses.js";

export const ambassadorOut = z.object({
  id: z.string(),
  priorityAreaId: z.string(),
  priorityArea: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string(),
  consentVersion: z.string(),
  consentOn: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  retentionMonths: z.number(),
  /** The day the person's data is erased (`retentionMonths` after leaving); null while in the network. */
  erasedOn: z.string().nullable(),
  notes: z.string(),
  version: z.number(),
  /** How many trainings they attended and activities they took part in. */
  trainings: z.number(),
  activities: z.number(),
});

const privacy = z.object({ purpose: z.string(), legalBasis: z.string(), readers: z.string(), retention: z.string() });

export const rosterOut = itemsOf(ambassadorOut).extend({
  /** The consent text to show on the form: `{retentionMonths}` stands where the chosen retention goes. */
  consent: z.object({ version: z.string(), template: z.string(), token: z.string() }),
  privacy,
});

export const trainingOut = z.object({
  id: z.string(),
  heldOn: z.string(),
  topic: z.string(),
  trainer: z.string(),
  attendeeCount: z.number(),
  /** Who attended: null for readers who may not read the roster. */
  attendeeIds: z.array(z.string()).nullable(),
  actionIds: z.array(z.string()),
  meetingId: z.string().nullable(),
  version: z.number(),
});

export const activityOut = z.object({
  id: z.string(),
  heldOn: z.string(),
  place: z.string(),
  kind: keyEnum(ACTIVITY_KINDS),
  kindLabel: z.string(),
  description: z.string(),
  priorityAreaId: z.string().nullable(),
  residentsReached: z.number(),
  ambassadorCount: z.number(),
  /** Who led it: null for readers who may not read the roster. */
  ambassadorIds: z.array(z.string()).nullable(),
  actionIds: z.array(z.string()),
  meetingId: z.string().nullable(),
  version: z.number(),
});

const choice = z.object({ key: z.string(), label: z.string() });

export const networkOut = z.object({
  period: z.object({ from: z.string().nullable(), to: z.string() }),
  areas: z.array(z.object({ id: z.string(), name: z.string(), activeAmbassadors: z.number(), trainedAmbassadors: z.number(), activities: z.number(), residentsReached: z.number() })),
  elsewhere: z.object({ activities: z.number(), residentsReached: z.number() }),
  totals: z.object({ activeAmbassadors: z.number(), trainedAmbassadors: z.number(), trainings: z.number(), trainingAttendances: z.number(), activities: z.number(), residentsReached: z.number() }),
  trainings: z.array(trainingOut),
  activities: z.array(activityOut),
  vocabulary: z.object({ activityKinds: z.array(choice), measures: z.array(choice) }),
  permissions: z.object({ manage: z.boolean(), readResidents: z.boolean() }),
});

export const ambassadorExportOut = z.object({
  contract: z.string(),
  ambassador: ambassadorOut,
  trainings: z.array(z.object({ heldOn: z.string(), topic: z.string(), trainer: z.string() })),
  activities: z.array(z.object({ heldOn: z.string(), place: z.string(), kind: z.string(), description: z.string(), residentsReached: z.number() })),
  consents: z.array(z.object({ purpose: z.string(), consentVersion: z.string(), acceptedAt: z.date(), withdrawnAt: z.date().nullable() })),
});

export const measurementRecordedOut = z.object({ measurementId: z.string(), actionId: z.string(), indicatorId: z.string(), value: z.number(), source: z.string() });

/** What the public page routes accept and answer: nothing unpublished, no people's names but the signatories'. */
import { z } from "zod";
import { SHOWN_CONTRACT_STATUSES } from "../../domain/contract-status.js";
import { SHOWN_STATUSES } from "../../domain/shown-status.js";
import { keyEnum } from "../../http/responses.js";

export const publicationBody = z.object({ published: z.boolean({ error: "Indiquez si la page est publiée (vrai ou faux)." }) });
/** The contract's short identifier, in the public page's address. */
export const slugParams = z.object({ slug: z.string().min(1).max(100) });

export const publicationOut = z.object({ published: z.boolean() });

export const publicContractOut = z.object({
  slug: z.string(),
  name: z.string(),
  localAuthority: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** As it follows the calendar (« À évaluer » past its end), as the app shows it. */
  status: keyEnum(SHOWN_CONTRACT_STATUSES),
  statusLabel: z.string(),
  summary: z.string(),
  communes: z.array(z.object({ inseeCode: z.string(), name: z.string(), population: z.number().nullable() })),
  priorityAreas: z.array(z.object({ name: z.string(), code: z.string().nullable() })),
  signatories: z.array(z.object({ organisationName: z.string(), representative: z.string(), title: z.string() })),
  axes: z.array(z.object({ number: z.number(), title: z.string(), description: z.string(), objectives: z.array(z.object({ code: z.string(), title: z.string() })) })),
  actions: z.array(
    z.object({
      number: z.number(),
      title: z.string(),
      axisNumber: z.number(),
      objectiveCode: z.string().nullable(),
      /** The status shown in the app (« En retard » when a milestone is overdue). */
      status: keyEnum(SHOWN_STATUSES),
      statusLabel: z.string(),
      startMonth: z.string().nullable(),
      endMonth: z.string().nullable(),
      lead: z.string().nullable(),
      partners: z.array(z.string()),
      specificObjective: z.string(),
      operationalObjectives: z.array(z.string()),
      description: z.string(),
      targetPublic: z.string(),
      place: z.string(),
    }),
  ),
  /** The quarterly reviews the coordination publishes on this page. */
  documents: z.array(z.object({ title: z.string(), url: z.string() })),
  /** Residents' calls for participation and surveys: to take part while open, and the published results. */
  participation: z.object({
    calls: z.array(z.object({ title: z.string(), deadline: z.string(), open: z.boolean(), path: z.string() })),
    surveys: z.array(z.object({ title: z.string(), closesOn: z.string(), open: z.boolean(), resultsPublished: z.boolean(), path: z.string() })),
  }),
});

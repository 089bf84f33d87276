import { z } from "zod";
import { isoDateTime, optionalText, requiredText, uuid, version } from "../../validation/fields.js";
import { agendaItem, BODY_KINDS, type BodyKind } from "../../domain/governance.js";
import { agendaError } from "./rhythm.js";

const rhythm = z
  .discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.literal("per_year"), count: z.number().int().min(1, { error: "Au moins une réunion par an." }).max(52, { error: "Au plus 52 réunions par an." }) }),
      z.object({ kind: z.literal("every_months"), months: z.number().int().min(1, { error: "Au moins un mois." }).max(36, { error: "Au plus 36 mois." }) }),
    ],
    { error: "Le rythme est « par an » ou « tous les N mois »." },
  )
  .nullable();

export const bodyBody = z.object({
  kind: z.enum(Object.keys(BODY_KINDS) as [BodyKind, ...BodyKind[]], { error: "Choisissez le type d'instance." }),
  name: requiredText("Le nom de l'instance", 200),
  axisId: uuid.nullable().default(null),
  /** The fiches a working group works on. */
  actionIds: z.array(uuid).max(50).default([]),
  rhythm: rhythm.default(null),
  /** About residents' participation: its meetings feed the reviews' participation news (residents' workshops by default). */
  participation: z.boolean({ error: "Indiquez si l'instance concerne la participation des habitants." }).optional(),
});
export const bodyUpdateBody = bodyBody.extend({ version });

const meetingFields = z.object({
  bodyId: uuid,
  title: requiredText("Le titre de la réunion", 300),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  place: optionalText("Le lieu", 500).default(""),
  videoUrl: z.url({ protocol: /^https?$/, error: "Indiquez une adresse web (https://…)." }).nullable().default(null),
  agenda: z.array(agendaItem).max(50).default([]),
  headCount: z.number().int().min(0, { error: "Le nombre de participants ne peut pas être négatif." }).max(100_000).nullable().default(null),
  minutes: optionalText("Le compte rendu", 200_000).default(""),
  decisions: z.array(requiredText("Une décision", 2000)).max(100).default([]),
  /**
   * Entry i: the fiches decision i concerns. Shorter than `decisions` means the
   * last decisions concern no fiche; absent on an update keeps the links when
   * the decisions are unchanged.
   */
  decisionActionIds: z.array(z.array(uuid).max(50, { error: "Au plus 50 fiches par décision." })).max(100).optional(),
});

/** A meeting ends after it starts, its agenda fits in it, and its decisions' fiches follow its decisions. */
function checkMeeting(m: z.infer<typeof meetingFields>, ctx: z.RefinementCtx): void {
  if (m.decisionActionIds && m.decisionActionIds.length > m.decisions.length)
    ctx.addIssue({ code: "custom", path: ["decisionActionIds"], message: `Des fiches sont liées à ${m.decisionActionIds.length} décisions, mais la réunion n'en a que ${m.decisions.length}.` });
  const minutes = (Date.parse(m.endsAt) - Date.parse(m.startsAt)) / 60_000;
  if (!(minutes > 0)) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "La fin de la réunion doit suivre son début." });
    return;
  }
  // Items without a set duration count for nothing.
  const error = agendaError(minutes, m.agenda.map((i) => i.durationMinutes ?? 0));
  if (error) ctx.addIssue({ code: "custom", path: ["agenda"], message: error });
}

export const meetingBody = meetingFields.superRefine(checkMeeting);
export const meetingUpdateBody = meetingFields.extend({ version }).superRefine(checkMeeting);
export type MeetingBody = z.infer<typeof meetingBody>;

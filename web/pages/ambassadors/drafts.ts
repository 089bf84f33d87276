/**
 * The ambassadors' forms as plain data: what a form holds while typed (text for numbers and
 * dates), the body it sends, the checks worth doing before sending (the server checks the
 * rest and answers per field), the period of the page, and the consent text with the
 * retention chosen. Pure functions, unit-tested.
 */

export type Errors = Record<string, string>;

/** A period of days; empty ends: since the beginning, until today. */
export interface Period {
  from: string;
  to: string;
}

/** "?from=…&to=…" with the ends given, or "". */
export function periodQuery(p: Period): string {
  const params = new URLSearchParams();
  if (p.from) params.set("from", p.from);
  if (p.to) params.set("to", p.to);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The period a measure counts by default: the page's, else the current year until today. */
export function measurePeriod(p: Period, today: string): Period {
  return { from: p.from || `${today.slice(0, 4)}-01-01`, to: p.to || today };
}

/** The consent as the person reads it: the template with the retention chosen. */
export const consentText = (consent: { template: string; token: string }, retentionMonths: string) => consent.template.replace(consent.token, /^\d+$/.test(retentionMonths.trim()) ? retentionMonths.trim() : "…");

/** A whole number typed in French ("12", " 1 200 "), or null. */
export function parseCount(input: string): number | null {
  const compact = input.replace(/[\s\u202f\u00a0]/g, "");
  return /^\d+$/.test(compact) ? Number(compact) : null;
}

const required = (errors: Errors, path: string, value: string, message: string) => {
  if (!value.trim()) errors[path] = message;
};

// ——— An ambassador ———

export interface AmbassadorDraft {
  priorityAreaId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  joinedOn: string;
  leftOn: string;
  retentionMonths: string;
  notes: string;
  consent: boolean;
}

export const emptyAmbassador = (priorityAreaId = ""): AmbassadorDraft => ({ priorityAreaId, firstName: "", lastName: "", email: "", phone: "", joinedOn: "", leftOn: "", retentionMonths: "12", notes: "", consent: false });

export const ambassadorDraftOf = (a: { priorityAreaId: string; firstName: string; lastName: string; email: string; phone: string; joinedOn: string; leftOn: string | null; retentionMonths: number; notes: string }): AmbassadorDraft => ({
  priorityAreaId: a.priorityAreaId,
  firstName: a.firstName,
  lastName: a.lastName,
  email: a.email,
  phone: a.phone,
  joinedOn: a.joinedOn,
  leftOn: a.leftOn ?? "",
  retentionMonths: String(a.retentionMonths),
  notes: a.notes,
  consent: true,
});

/** The body of a new person (consent required) or of a change (consent already given): errors, or the body. */
export function ambassadorBody(d: AmbassadorDraft, isNew: boolean) {
  const errors: Errors = {};
  required(errors, "priorityAreaId", d.priorityAreaId, "Choisissez le quartier prioritaire.");
  required(errors, "firstName", d.firstName, "Le prénom est obligatoire.");
  required(errors, "lastName", d.lastName, "Le nom est obligatoire.");
  required(errors, "joinedOn", d.joinedOn, "Indiquez la date d'arrivée dans le réseau.");
  const retentionMonths = parseCount(d.retentionMonths);
  if (retentionMonths === null || retentionMonths < 1 || retentionMonths > 36) errors.retentionMonths = "Indiquez une durée de 1 à 36 mois.";
  if (d.leftOn && d.joinedOn && d.leftOn < d.joinedOn) errors.leftOn = "La date de départ du réseau ne peut pas précéder la date d'arrivée.";
  if (isNew && !d.consent) errors.consent = "Cochez la case d'accord : la personne doit avoir accepté l'usage de ses informations pour figurer dans le réseau.";
  if (Object.keys(errors).length) return { errors } as const;
  return {
    body: {
      priorityAreaId: d.priorityAreaId,
      firstName: d.firstName.trim(),
      lastName: d.lastName.trim(),
      email: d.email.trim(),
      phone: d.phone.trim(),
      joinedOn: d.joinedOn,
      leftOn: d.leftOn || null,
      retentionMonths: retentionMonths!,
      notes: d.notes.trim(),
      consent: true as const,
    },
  } as const;
}

// ——— A training, an activity ———

export interface TrainingDraft {
  heldOn: string;
  topic: string;
  trainer: string;
  attendeeIds: string[];
  actionIds: string[];
  meetingId: string;
}

export const emptyTraining = (): TrainingDraft => ({ heldOn: "", topic: "", trainer: "", attendeeIds: [], actionIds: [], meetingId: "" });
export const trainingDraftOf = (t: { heldOn: string; topic: string; trainer: string; attendeeIds: string[] | null; actionIds: string[]; meetingId: string | null }): TrainingDraft => ({
  heldOn: t.heldOn,
  topic: t.topic,
  trainer: t.trainer,
  attendeeIds: t.attendeeIds ?? [],
  actionIds: t.actionIds,
  meetingId: t.meetingId ?? "",
});

export function trainingBody(d: TrainingDraft) {
  const errors: Errors = {};
  required(errors, "heldOn", d.heldOn, "Indiquez la date de la formation.");
  required(errors, "topic", d.topic, "Le thème de la formation est obligatoire.");
  if (Object.keys(errors).length) return { errors } as const;
  return { body: { heldOn: d.heldOn, topic: d.topic.trim(), trainer: d.trainer.trim(), attendeeIds: d.attendeeIds, actionIds: d.actionIds, meetingId: d.meetingId || null } } as const;
}

export interface ActivityDraft {
  heldOn: string;
  place: string;
  kind: string;
  description: string;
  priorityAreaId: string;
  residentsReached: string;
  ambassadorIds: string[];
  actionIds: string[];
  meetingId: string;
}

export const emptyActivity = (priorityAreaId = ""): ActivityDraft => ({ heldOn: "", place: "", kind: "", description: "", priorityAreaId, residentsReached: "0", ambassadorIds: [], actionIds: [], meetingId: "" });
export const activityDraftOf = (a: {
  heldOn: string;
  place: string;
  kind: string;
  description: string;
  priorityAreaId: string | null;
  residentsReached: number;
  ambassadorIds: string[] | null;
  actionIds: string[];
  meetingId: string | null;
}): ActivityDraft => ({
  heldOn: a.heldOn,
  place: a.place,
  kind: a.kind,
  description: a.description,
  priorityAreaId: a.priorityAreaId ?? "",
  residentsReached: String(a.residentsReached),
  ambassadorIds: a.ambassadorIds ?? [],
  actionIds: a.actionIds,
  meetingId: a.meetingId ?? "",
});

export function activityBody<K extends string>(d: ActivityDraft, kinds: readonly K[]) {
  const errors: Errors = {};
  required(errors, "heldOn", d.heldOn, "Indiquez la date de l'action.");
  required(errors, "place", d.place, "Le lieu est obligatoire.");
  if (!kinds.includes(d.kind as K)) errors.kind = "Choisissez le type d'action dans la liste.";
  const residentsReached = parseCount(d.residentsReached);
  if (residentsReached === null) errors.residentsReached = "Indiquez le nombre d'habitants touchés (un nombre entier, 0 si vous ne savez pas).";
  if (Object.keys(errors).length) return { errors } as const;
  return {
    body: {
      heldOn: d.heldOn,
      place: d.place.trim(),
      kind: d.kind as K,
      description: d.description.trim(),
      priorityAreaId: d.priorityAreaId || null,
      residentsReached: residentsReached!,
      ambassadorIds: d.ambassadorIds,
      actionIds: d.actionIds,
      meetingId: d.meetingId || null,
    },
  } as const;
}

/** The fiches the trainings and activities shown are linked to, in a stable order (the first ones the measure form offers). */
export function linkedFicheIds(records: readonly { actionIds: string[] }[]): string[] {
  return [...new Set(records.flatMap((r) => r.actionIds))];
}

/** Adds or removes one id of a multiple choice, keeping the order of `all`. */
export function toggle(selected: readonly string[], id: string, on: boolean, all: readonly string[]): string[] {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return all.filter((x) => next.has(x));
}

/** The network's total a measure records (the server counts the same). */
export type MeasureKey = "active_ambassadors" | "trainings" | "people_trained" | "activities" | "residents_reached";
export function totalOf(measure: MeasureKey, totals: { activeAmbassadors: number; trainedAmbassadors: number; trainings: number; activities: number; residentsReached: number }): number {
  const by: Record<MeasureKey, number> = {
    active_ambassadors: totals.activeAmbassadors,
    trainings: totals.trainings,
    people_trained: totals.trainedAmbassadors,
    activities: totals.activities,
    residents_reached: totals.residentsReached,
  };
  return by[measure];
}

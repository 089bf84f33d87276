/**
 * The health ambassadors of the CAPVM demo contract (issue 14, item 7; FA 16 « Mettre en place
 * un réseau d'Ambassadeurs santé couvrant chaque quartier prioritaire »): a few residents of
 * La Renardière, their trainings and activities over 2022–2023. The seed names no ambassador:
 * every person, training and activity here is fictitious and marked « (illustratif) ».
 * Everything goes through the services, as the coordination would do it, so the consent log,
 * the counts and the history are what the application itself writes.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { actions, contracts, priorityAreas } from "../db/schema.js";
import { systemActor } from "../policies/index.js";
import type { ActivityKind } from "../domain/ambassadors.js";
import { activityBody, ambassadorBody, trainingBody } from "../features/ambassadors/schema.js";
import { createAmbassador } from "../features/ambassadors/roster.js";
import { createActivity, createTraining } from "../features/ambassadors/records.js";
import { datedAs, DEMO_ACTOR, parisAt } from "./history.js";

const actor = systemActor(DEMO_ACTOR);

/** The QPV of CAPVM the network starts in. */
export const DEMO_AMBASSADOR_AREA = "La Renardière";

/** Fictitious people: e-mails on a reserved domain, phone numbers in ARCEP's range for fiction. */
const PEOPLE = [
  { firstName: "Fatou", lastName: "D. (illustratif)", email: "fatou.d@exemple.test", phone: "06 39 98 01 10", joinedOn: "2021-10-04", leftOn: null, notes: "Relais auprès des parents de l'école élémentaire. (illustratif)" },
  { firstName: "Kévin", lastName: "M. (illustratif)", email: "", phone: "06 39 98 01 11", joinedOn: "2021-10-04", leftOn: "2023-06-30", notes: "A déménagé en juin 2023. (illustratif)" },
  { firstName: "Linda", lastName: "B. (illustratif)", email: "linda.b@exemple.test", phone: "", joinedOn: "2022-01-17", leftOn: null, notes: "" },
  { firstName: "Rachid", lastName: "A. (illustratif)", email: "", phone: "06 39 98 01 13", joinedOn: "2022-09-05", leftOn: null, notes: "Disponible le samedi matin. (illustratif)" },
];

/** The day each person gave their consent (their first day in the network). */
const consentAt = (day: string) => new Date(`${day}T10:00:00+02:00`);

const TRAININGS = [
  { heldOn: "2022-02-08", topic: "Le rôle d'ambassadeur santé et les ressources du territoire (illustratif)", trainer: "Coordination du CLS et CPAM de Seine-et-Marne (illustratif)", attendees: [0, 1, 2] },
  { heldOn: "2022-10-11", topic: "Parler du dépistage des cancers et de la vaccination (illustratif)", trainer: "Centre régional de coordination des dépistages (illustratif)", attendees: [0, 2, 3] },
];

const ACTIVITIES: { heldOn: string; place: string; kind: ActivityKind; description: string; residentsReached: number; by: number[] }[] = [
  { heldOn: "2022-03-19", place: "Marché de La Renardière (illustratif)", kind: "info_stand", description: "Stand sur les droits à la complémentaire santé solidaire. (illustratif)", residentsReached: 45, by: [0, 1] },
  { heldOn: "2022-06-14", place: "Centre social (illustratif)", kind: "group_workshop", description: "Atelier « bien manger avec un petit budget » avec une diététicienne. (illustratif)", residentsReached: 14, by: [2] },
  { heldOn: "2022-11-22", place: "Résidence de La Renardière (illustratif)", kind: "door_to_door", description: "Porte-à-porte pour Octobre rose, prolongé en novembre. (illustratif)", residentsReached: 62, by: [0, 3] },
  { heldOn: "2023-03-07", place: "Maison de santé (illustratif)", kind: "care_support", description: "Accompagnement de familles vers un premier rendez-vous chez un médecin traitant. (illustratif)", residentsReached: 9, by: [2, 3] },
  { heldOn: "2023-06-24", place: "Fête de quartier (illustratif)", kind: "neighbourhood_event", description: "Stand santé à la fête de quartier : vaccination et dépistages. (illustratif)", residentsReached: 120, by: [0, 1, 2, 3] },
];

/**
 * Seeds the ambassadors of the CAPVM demo contract (by its slug), once its fiches are there.
 * Deterministic: the same people, trainings and activities in the same order.
 */
export async function seedAmbassadors(db: Db, slug: string): Promise<{ ambassadorIds: string[] }> {
  const [contract] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug));
  if (!contract) throw new Error(`Contrat de démonstration introuvable : ${slug}`);
  const contractId = contract.id;
  const [[area], [fiche]] = await Promise.all([
    db.select({ id: priorityAreas.id }).from(priorityAreas).where(and(eq(priorityAreas.contractId, contractId), eq(priorityAreas.name, DEMO_AMBASSADOR_AREA))).orderBy(asc(priorityAreas.position)).limit(1),
    db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, contractId), eq(actions.number, 16))),
  ]);
  if (!area) throw new Error(`Données de démonstration : le contrat ${slug} n'a pas de quartier prioritaire « ${DEMO_AMBASSADOR_AREA} ».`);
  if (!fiche) throw new Error(`Données de démonstration : la fiche 16 du contrat ${slug} est introuvable.`);

  const ids: string[] = [];
  for (const p of PEOPLE) {
    const body = ambassadorBody.parse({ ...p, priorityAreaId: area.id, retentionMonths: 12, consent: true });
    ids.push((await datedAs(db, consentAt(p.joinedOn), () => createAmbassador(db, actor, contractId, body, consentAt(p.joinedOn)))).id);
  }
  // Each training and activity enters the history on its day, in the evening.
  for (const tr of TRAININGS)
    await datedAs(db, parisAt(tr.heldOn, "18:00"), () =>
      createTraining(db, actor, contractId, trainingBody.parse({ heldOn: tr.heldOn, topic: tr.topic, trainer: tr.trainer, attendeeIds: tr.attendees.map((i) => ids[i]!), actionIds: [fiche.id] })),
    );
  for (const a of ACTIVITIES) {
    const activity = activityBody.parse({ heldOn: a.heldOn, place: a.place, kind: a.kind, description: a.description, priorityAreaId: area.id, residentsReached: a.residentsReached, ambassadorIds: a.by.map((i) => ids[i]!), actionIds: [fiche.id] });
    await datedAs(db, parisAt(a.heldOn, "18:00"), () => createActivity(db, actor, contractId, activity));
  }
  return { ambassadorIds: ids };
}

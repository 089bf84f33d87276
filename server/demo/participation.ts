/**
 * The residents' participation of the CAMVS demo contract (issue 14): the atelier des
 * habitants in World Café format that the working group of 21/09/2021 planned — call
 * published on 04/10/2021, registrations until 22/10/2021, two sessions on 04/11 and
 * 18/11/2021, 18 places at 3 tables of 6, a dinner. The seed names no resident, no
 * moderator and no topic: all of those here are fictitious and marked « (illustratif) ».
 * Everything goes through the services, as a coordinator would do it, so the audit log,
 * the consent log and the tables are what the application itself writes.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { actions, communes, contracts, governanceBodies, priorityAreas, workshops } from "../db/schema.js";
import { systemActor } from "../policies/index.js";
import { QPV_NONE, QPV_UNKNOWN, type AgeBand, type ContactWay, type Gender, type SocioCategory } from "../domain/participation.js";
import { registrationBody, workshopBody } from "../features/participation/schema.js";
import { createWorkshop, getWorkshop, saveSynthesis, setCall } from "../features/participation/service.js";
import { register, setAttendance } from "../features/participation/registrations.js";
import { composeSession } from "../features/participation/seating.js";
import { datedAs, DEMO_ACTOR, parisAt } from "./history.js";

export const DEMO_WORKSHOP_TITLE = "Atelier des habitants — World Café (illustratif)";

const actor = systemActor(DEMO_ACTOR);

/** When the call went public (the working group's calendar: 04/10/2021). */
const CALL_PUBLISHED_AT = new Date("2021-10-04T09:00:00+02:00");
const PLACE = "Salle des fêtes du quartier, Melun (illustratif)";

const TOPICS: { fiche: number; title: string; questions: string[]; synthesis: string }[] = [
  {
    fiche: 15,
    title: "La santé des enfants et des jeunes (illustratif)",
    questions: [
      "Qu'est-ce qui aide, ou qui freine, les jeunes de votre quartier pour prendre soin de leur santé ?",
      "Où les jeunes cherchent-ils des informations sur la santé, et à qui font-ils confiance ?",
      "Quelle action aimeriez-vous voir près de chez vous ?",
    ],
    synthesis:
      "Les jeunes s'informent surtout sur les réseaux sociaux et osent peu pousser la porte d'un lieu de soins. " +
      "Les tables proposent des permanences santé là où les jeunes vont déjà (maisons de quartier, clubs de sport), avec des animateurs qu'ils connaissent. (illustratif)",
  },
  {
    fiche: 10,
    title: "Bien vieillir chez soi et ne pas rester seul (illustratif)",
    questions: [
      "Connaissez-vous les aides pour les personnes âgées et pour leurs aidants ? Comment en avez-vous entendu parler ?",
      "Qu'est-ce qui rendrait le quotidien plus facile pour vous ou pour un proche âgé ?",
    ],
    synthesis:
      "Beaucoup de participants ne connaissent pas les aides pour les personnes âgées et leurs aidants, ou ne savent pas à qui s'adresser. " +
      "Ils proposent un guide simple, distribué par les pharmacies et les CCAS, et des visites entre voisins pour les personnes seules. (illustratif)",
  },
  {
    fiche: 14,
    title: "Bien manger avec un petit budget (illustratif)",
    questions: [
      "Qu'est-ce qui rend difficile de bien manger au quotidien ?",
      "Quelles solutions existent déjà près de chez vous (épicerie solidaire, jardins partagés, ateliers cuisine) ?",
      "Comment les faire mieux connaître ?",
    ],
    synthesis:
      "Le prix des produits frais et le manque de temps reviennent à chaque table. " +
      "L'épicerie solidaire et les jardins partagés sont mal connus : les participants proposent des ateliers cuisine à petit prix, ouverts aux familles et annoncés par les écoles. (illustratif)",
  },
];

const MODERATORS = [
  "Claire Besson, Direction Politique de la Ville (illustratif)",
  "Yacine Amrani, Direction Politique de la Ville (illustratif)",
  "Élodie Marchal, Direction Politique de la Ville (illustratif)",
];

const SESSIONS = [
  { startsAt: "2021-11-04T18:30:00+01:00", endsAt: "2021-11-04T21:00:00+01:00" },
  { startsAt: "2021-11-18T18:30:00+01:00", endsAt: "2021-11-18T21:00:00+01:00" },
];

const MELUN = "77288";
const DAMMARIE = "77152";
const LE_MEE = "77285";

/** Where a registrant lives: "qpv" = a priority area of the commune (when the contract has one). */
type Qpv = "qpv" | "none" | "unknown";

interface Resident {
  firstName: string;
  lastName: string;
  gender: Gender;
  ageBand: AgeBand;
  commune: string;
  qpv: Qpv;
  category: SocioCategory | null;
  contact: ContactWay;
  /** Registered by a partner on the resident's behalf (contact through that partner). */
  partner?: string;
  household?: string;
  accessibility?: string;
  dietary?: string;
  /** Absent from the first session. */
  absent?: boolean;
}

const CCAS = "CCAS de Melun (illustratif)";
const CENTRE_SOCIAL = "Centre social du Mée-sur-Seine (illustratif)";
const BIJ = "Bureau Information Jeunesse de Dammarie-lès-Lys (illustratif)";

/** 18 fictitious residents: 12 women, 5 men, 1 who did not say; a household of three (T.). */
const RESIDENTS: Resident[] = [
  { firstName: "Amina", lastName: "K.", gender: "woman", ageBand: "25-39", commune: MELUN, qpv: "qpv", category: "jobseeker", contact: "phone", dietary: "Sans porc." },
  { firstName: "Sylvie", lastName: "M.", gender: "woman", ageBand: "55-69", commune: "77040", qpv: "none", category: "retired", contact: "email" },
  { firstName: "Fatoumata", lastName: "D.", gender: "woman", ageBand: "40-54", commune: LE_MEE, qpv: "qpv", category: "employee", contact: "partner", partner: CENTRE_SOCIAL },
  {
    firstName: "Chantal",
    lastName: "B.",
    gender: "woman",
    ageBand: "70+",
    commune: MELUN,
    qpv: "none",
    category: "retired",
    contact: "partner",
    partner: CCAS,
    accessibility: "Je me déplace avec une canne : une place près de l'entrée, s'il vous plaît.",
  },
  { firstName: "Léa", lastName: "R.", gender: "woman", ageBand: "16-24", commune: MELUN, qpv: "unknown", category: "student", contact: "email", dietary: "Végétarienne." },
  { firstName: "Nadia", lastName: "B.", gender: "woman", ageBand: "25-39", commune: DAMMARIE, qpv: "qpv", category: "employee", contact: "phone" },
  { firstName: "Josiane", lastName: "P.", gender: "woman", ageBand: "55-69", commune: "77389", qpv: "none", category: "employee", contact: "email" },
  { firstName: "Inès", lastName: "G.", gender: "woman", ageBand: "25-39", commune: "77487", qpv: "none", category: "intermediate", contact: "email" },
  { firstName: "Maryse", lastName: "L.", gender: "woman", ageBand: "70+", commune: "77255", qpv: "none", category: "retired", contact: "partner", partner: CCAS, absent: true },
  { firstName: "Sandrine", lastName: "P.", gender: "woman", ageBand: "40-54", commune: "77407", qpv: "none", category: null, contact: "phone" },
  { firstName: "Aïcha", lastName: "T.", gender: "woman", ageBand: "40-54", commune: MELUN, qpv: "qpv", category: "employee", contact: "phone", household: "famille T.", dietary: "Sans porc." },
  { firstName: "Yasmine", lastName: "T.", gender: "woman", ageBand: "16-24", commune: MELUN, qpv: "qpv", category: "student", contact: "email", household: "famille T." },
  { firstName: "Moussa", lastName: "T.", gender: "man", ageBand: "70+", commune: MELUN, qpv: "qpv", category: "retired", contact: "phone", household: "famille T.", dietary: "Diabétique : peu de sucre." },
  { firstName: "Bernard", lastName: "C.", gender: "man", ageBand: "70+", commune: "77487", qpv: "none", category: "retired", contact: "phone" },
  { firstName: "Karim", lastName: "H.", gender: "man", ageBand: "25-39", commune: DAMMARIE, qpv: "qpv", category: "worker", contact: "phone" },
  { firstName: "Julien", lastName: "F.", gender: "man", ageBand: "25-39", commune: "77407", qpv: "none", category: "intermediate", contact: "email", absent: true },
  { firstName: "Ousmane", lastName: "S.", gender: "man", ageBand: "16-24", commune: LE_MEE, qpv: "qpv", category: "jobseeker", contact: "partner", partner: BIJ },
  { firstName: "Camille", lastName: "V.", gender: "undisclosed", ageBand: "40-54", commune: "77394", qpv: "unknown", category: null, contact: "email" },
];

/** Fictitious contact details: e-mails on a reserved domain, phone numbers in ARCEP's range for fiction. */
const emailOf = (r: Resident) =>
  `${r.firstName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()}.${r.lastName.slice(0, 1).toLowerCase()}@exemple.test`;
const phoneOf = (i: number) => `06 39 98 00 ${String(i + 10).padStart(2, "0")}`;

/** The day each resident registered: spread between the call (04/10) and the deadline (22/10). */
const registeredAt = (i: number) => new Date(Date.UTC(2021, 9, 5 + Math.floor((i * 17) / RESIDENTS.length), 8 + (i % 9), 15));

/**
 * Seeds the workshop of the CAMVS demo contract (slug), once its follow-up (and so its
 * residents' body) is there. Deterministic: the same people in the same order, the same
 * tables (composition seed 1), the same attendance and syntheses.
 */
export async function seedParticipation(db: Db, slug: string): Promise<{ workshopId: string }> {
  const [contract] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug));
  if (!contract) throw new Error(`Contrat de démonstration introuvable : ${slug}`);
  const contractId = contract.id;
  const [[body], fiches, areas, territory] = await Promise.all([
    db
      .select({ id: governanceBodies.id })
      .from(governanceBodies)
      .where(and(eq(governanceBodies.contractId, contractId), eq(governanceBodies.kind, "residents")))
      .orderBy(asc(governanceBodies.createdAt))
      .limit(1),
    db.select({ id: actions.id, number: actions.number }).from(actions).where(eq(actions.contractId, contractId)),
    db.select({ id: priorityAreas.id, commune: priorityAreas.communeInseeCode }).from(priorityAreas).where(eq(priorityAreas.contractId, contractId)).orderBy(asc(priorityAreas.position)),
    db.select({ insee: communes.inseeCode }).from(communes).where(eq(communes.contractId, contractId)),
  ]);
  if (!body) throw new Error(`Données de démonstration : le contrat ${slug} n'a pas d'instance de participation des habitants.`);
  const ficheId = (n: number) => {
    const found = fiches.find((f) => f.number === n);
    if (!found) throw new Error(`Données de démonstration : la fiche ${n} du contrat ${slug} est introuvable.`);
    return found.id;
  };
  const known = new Set(territory.map((c) => c.insee));
  for (const r of RESIDENTS) if (!known.has(r.commune)) throw new Error(`Données de démonstration : la commune ${r.commune} n'est pas du territoire de ${slug}.`);
  // A resident "in a QPV" names the first priority area of their commune; without one in the contract, « je ne sais pas ».
  const qpvOf = (r: Resident) => (r.qpv === "none" ? QPV_NONE : r.qpv === "unknown" ? QPV_UNKNOWN : (areas.find((a) => a.commune === r.commune)?.id ?? QPV_UNKNOWN));

  // Each step enters the history on its day: the workshop prepared the morning the call went public, the tables composed after the deadline (22/10/2021).
  const workshop = workshopBody.parse({
    bodyId: body.id,
    title: DEMO_WORKSHOP_TITLE,
    intro:
      "Vous habitez l'agglomération Melun Val de Seine ? Venez donner votre avis sur la santé près de chez vous. " +
      "Deux soirées, avec les mêmes personnes : vous parlez en petits groupes de 6 personnes au plus, autour de trois sujets du contrat local de santé. " +
      "Un dîner est offert. Deux habitants présenteront ce que vous aurez dit au comité de pilotage du 7 décembre 2021. (illustratif)",
    capacity: 18,
    maxPerTable: 6,
    tableCount: 3,
    meal: true,
    deadline: "2021-10-22",
    retentionMonths: 12,
    moderators: MODERATORS.map((name) => ({ userId: null, name })),
    topics: TOPICS.map((t) => ({ title: t.title, questions: t.questions, actionIds: [ficheId(t.fiche)] })),
    sessions: SESSIONS.map((s) => ({ ...s, place: PLACE, roundMinutes: 30 })),
  });
  const workshopId = await datedAs(db, parisAt("2021-10-04", "08:30"), () => createWorkshop(db, actor, contractId, workshop));

  // The call went public on 04/10/2021: published through the service, then dated as it was.
  await datedAs(db, CALL_PUBLISHED_AT, () => setCall(db, actor, workshopId, true));
  await db.update(workshops).set({ callPublishedAt: CALL_PUBLISHED_AT }).where(eq(workshops.id, workshopId));

  const { topics, sessions } = await getWorkshop(db, actor, workshopId);
  const [first, second] = sessions;
  if (!first || !second) throw new Error("Données de démonstration : l'atelier doit compter deux séances.");
  const sessionIds = sessions.map((s) => s.id);

  const registered: { id: string; resident: Resident }[] = [];
  for (const [i, r] of RESIDENTS.entries()) {
    const registration = {
      workshopId,
      source: r.partner ? ("partner" as const) : ("public" as const),
      actor,
      userId: null,
      now: registeredAt(i),
      body: registrationBody.parse({
        firstName: r.firstName,
        lastName: r.lastName,
        contactWay: r.contact,
        email: r.contact === "email" ? emailOf(r) : "",
        phone: r.contact === "phone" ? phoneOf(i) : "",
        partnerName: r.partner ?? "",
        communeInsee: r.commune,
        qpv: qpvOf(r),
        ageBand: r.ageBand,
        gender: r.gender,
        category: r.category,
        household: r.household ?? "",
        sessionIds,
        accessibilityNeeds: r.accessibility ?? "",
        dietaryNeeds: r.dietary ?? "",
        consent: true,
      }),
    };
    const result = await datedAs(db, registeredAt(i), () => register(db, registration));
    if (result.status !== "registered") throw new Error(`Données de démonstration : ${r.firstName} ${r.lastName} n'a pas eu de place.`);
    registered.push({ id: result.id, resident: r });
  }

  // The tables of the first session; the second keeps them (the same people, the same tables).
  await datedAs(db, parisAt("2021-10-25", "10:00"), async () => {
    await composeSession(db, actor, first.id, { seed: 1, fromSessionId: null });
    await composeSession(db, actor, second.id, { seed: 1, fromSessionId: first.id });
  });

  // The first evening: 16 of the 18 came.
  await datedAs(db, new Date(SESSIONS[0]!.endsAt), async () => {
    for (const { id, resident } of registered) if (!resident.absent) await setAttendance(db, actor, id, [first.id]);
  });

  // The workshop's synthesis of each topic (what the fiches' follow-up shows).
  await datedAs(db, new Date(SESSIONS[1]!.endsAt), async () => {
    for (const [i, t] of TOPICS.entries()) await saveSynthesis(db, actor, workshopId, { topicId: topics[i]!.id, sessionId: null, tableIndex: null, text: t.synthesis });
  });

  return { workshopId };
}

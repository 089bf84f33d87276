/**
 * A synthetic contract for the document bench: the CAPVM demo contract grown to
 * `fiches` fiches (its 16 fiches repeated, renumbered) and `meetings` meetings, every
 * fiche with milestones, progress, remaining work, an adjustment and measurements.
 * Everything happens in `year` (by default 2021), the meetings in its third quarter,
 * so that the quarterly review of that quarter and the annual report of that year
 * carry all of it: a worst case for the generators.
 * Loaded as the demo is: the exchange format (importContract), then the follow-up (seedFollowUp).
 */
import type { Db } from "../server/db/client.js";
import { demoDocument } from "../server/demo/load.js";
import { demoFollowUp, seedFollowUp, type FollowUpFile } from "../server/demo/follow-up.js";
import { importContract } from "../server/features/transfer/service.js";
import { systemActor } from "../server/policies/index.js";

export interface SyntheticOptions {
  fiches?: number;
  meetings?: number;
  year?: number;
  slug?: string;
}

const TEXT =
  "Le groupe de travail a réuni les référents des communes, les centres de santé et les associations partenaires ; il a fait le point sur le déploiement de l'action, ses difficultés de recrutement et le calendrier des prochaines étapes.";

const pad = (n: number) => String(n).padStart(2, "0");

/** Creates the contract; returns its id and slug. */
export async function seedSyntheticContract(db: Db, options: SyntheticOptions = {}): Promise<{ contractId: string; slug: string }> {
  const { fiches = 40, meetings = 60, year = 2021, slug = `synthetique-${fiches}-fiches-${meetings}-reunions` } = options;
  const doc = demoDocument("capvm");
  const source = doc.contract.actions.filter((a) => !a.archived);
  doc.contract.slug = slug;
  doc.contract.name = `CLS synthétique (${fiches} fiches, ${meetings} réunions)`;
  doc.contract.actions = Array.from({ length: fiches }, (_, i) => {
    const model = source[i % source.length]!;
    const round = Math.floor(i / source.length);
    return { ...structuredClone(model), number: i + 1, title: round ? `${model.title} (${round + 1})` : model.title };
  });
  const contractId = await importContract(db, systemActor("Banc d'essai"), doc, slug);

  const demo = demoFollowUp("capvm");
  const follow: FollowUpFile = { illustrative: true, bodies: demo.bodies.map((b) => ({ ...b, actions: [] })), meetings: [], actions: {}, followUpItems: demo.followUpItems, reviewPurpose: demo.reviewPurpose };
  const bodyKeys = follow.bodies.map((b) => b.key);
  for (let m = 0; m < meetings; m++) {
    const month = 7 + (m % 3);
    const day = 1 + ((m * 7) % 28);
    const on = `${year}-${pad(month)}-${pad(day)}`;
    const topics = [1 + (m % fiches), 1 + ((m + 13) % fiches)];
    follow.meetings.push({
      key: `synthetic-${m}`,
      body: bodyKeys[m % bodyKeys.length]!,
      title: `Réunion de travail n° ${m + 1}`,
      startsAt: `${on}T10:00:00+02:00`,
      endsAt: `${on}T12:00:00+02:00`,
      place: "Salle du conseil, hôtel d'agglomération",
      videoUrl: null,
      headCount: 8 + (m % 12),
      participants: [],
      minutes: `<p>${TEXT}</p><ul><li>Point sur la fiche ${topics[0]}</li><li>Point sur la fiche ${topics[1]}</li></ul><p>${TEXT}</p>`,
      decisions: [`Valider le calendrier de la fiche ${topics[0]}.`, `Solliciter les partenaires de la fiche ${topics[1]} pour le recueil des données.`],
      agenda: topics.map((n) => ({ title: `Fiche ${n} : état d'avancement`, durationMinutes: 30, presenter: "Coordination du CLS", actions: [n] })),
    });
  }
  doc.contract.actions.forEach((action, i) => {
    const n = action.number;
    const meeting = `synthetic-${i % Math.max(1, meetings)}`;
    follow.actions[String(n)] = {
      milestones: Array.from({ length: 6 }, (_, k) => ({
        title: `Étape ${k + 1} de la fiche ${n} : ${TEXT.slice(0, 70)}`,
        plannedBy: `${year}-${pad(2 * k + 1)}-28`,
        ...(k === 4 ? { originallyBy: `${year}-03-31` } : {}),
        ...(k < 3 ? { doneOn: `${year}-${pad(2 * k + 1)}-20` } : {}),
      })),
      progress: Array.from({ length: 4 }, (_, k) => ({ happenedOn: `${year}-${pad(7 + (k % 3))}-${pad(10 + k)}`, text: `${TEXT} (avancée ${k + 1} de la fiche ${n})`, ...(meetings && k === 0 ? { meeting } : {}) })),
      remaining: [`Finaliser le diagnostic de la fiche ${n}.`, "Organiser la restitution aux habitants.", "Recueillir les données des indicateurs."],
      adjustments: [{ kind: "reschedule", description: `Reporter l'étape 5 de la fiche ${n} au second semestre.`, status: "agreed", agreedOn: `${year}-07-15` }],
      measurements: action.indicators.length ? Array.from({ length: 4 }, (_, k) => ({ indicator: 0, measuredOn: `${year}-${pad(3 * k + 3)}-28`, value: 10 + 7 * k + (n % 5), source: "Tableau de bord de la coordination", comment: "" })) : [],
    };
  });
  await seedFollowUp(db, slug, follow);
  return { contractId, slug };
}

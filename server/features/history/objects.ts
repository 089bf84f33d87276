/**
 * What a page of history needs to know about the objects its entries name: whether each is
 * still there (a link only to what exists), the workshop of a registration and the survey of an
 * answer (their page), and the fiche's label for a part of a fiche. One query per kind of object
 * on the page, by primary key.
 */
import { inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import {
  actions,
  ambassadorActivities,
  ambassadors,
  ambassadorTrainings,
  axes,
  governanceBodies,
  meetings,
  objectives,
  organisations,
  quarterlyReviews,
  registrations,
  surveyAnswers,
  surveys,
  users,
  workshops,
} from "../../db/schema.js";
import type { AuditObjectType } from "../../domain/history.js";
import type { ObjectFacts } from "./links.js";

interface Lookup {
  table: PgTable;
  id: PgColumn;
  parent?: PgColumn;
  /** users.id is text; every other key is a uuid (an id of another shape is no such object). */
  text?: boolean;
}

/** The table of each kind of object whose existence decides its link; the others always have their page. */
const LOOKUPS: Partial<Record<AuditObjectType, Lookup>> = {
  axis: { table: axes, id: axes.id },
  objective: { table: objectives, id: objectives.id },
  action: { table: actions, id: actions.id },
  organisation: { table: organisations, id: organisations.id },
  body: { table: governanceBodies, id: governanceBodies.id },
  meeting: { table: meetings, id: meetings.id },
  review: { table: quarterlyReviews, id: quarterlyReviews.id },
  workshop: { table: workshops, id: workshops.id },
  registration: { table: registrations, id: registrations.id, parent: registrations.workshopId },
  survey: { table: surveys, id: surveys.id },
  survey_answer: { table: surveyAnswers, id: surveyAnswers.id, parent: surveyAnswers.surveyId },
  ambassador: { table: ambassadors, id: ambassadors.id },
  ambassador_training: { table: ambassadorTrainings, id: ambassadorTrainings.id },
  ambassador_activity: { table: ambassadorActivities, id: ambassadorActivities.id },
  account: { table: users, id: users.id, text: true },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EntryObject {
  objectType: AuditObjectType;
  objectId: string;
  contractId: string | null;
}

export type Facts = ObjectFacts & { ficheLabel: string | null };

export const factsKey = (e: { objectType: string; objectId: string }) => `${e.objectType}:${e.objectId}`;

/** The facts of each object of the page, by `factsKey`. */
export async function objectFacts(db: Db, entries: EntryObject[]): Promise<Map<string, Facts>> {
  const facts = new Map<string, Facts>();
  const byType = new Map<AuditObjectType, Set<string>>();
  for (const e of entries) {
    // The review settings are recorded on the contract's id: their page is the list of reviews.
    const always = !LOOKUPS[e.objectType] || (e.objectType === "review" && e.objectId === e.contractId);
    if (always) facts.set(factsKey(e), { exists: true, ficheLabel: null });
    else byType.set(e.objectType, (byType.get(e.objectType) ?? new Set()).add(e.objectId));
  }
  await Promise.all(
    [...byType].map(async ([type, idSet]) => {
      const lookup = LOOKUPS[type]!;
      const ids = [...idSet].filter((id) => lookup.text || UUID.test(id));
      for (const id of idSet) facts.set(factsKey({ objectType: type, objectId: id }), { exists: false, ficheLabel: null });
      if (!ids.length) return;
      if (type === "action") {
        const rows = await db.select({ id: actions.id, number: actions.number, title: actions.title }).from(actions).where(inArray(actions.id, ids));
        for (const r of rows) facts.set(factsKey({ objectType: type, objectId: r.id }), { exists: true, ficheLabel: `FA ${r.number} « ${r.title} »` });
        return;
      }
      const rows = (await db
        .select({ id: lookup.id, ...(lookup.parent ? { parent: lookup.parent } : {}) })
        .from(lookup.table)
        .where(inArray(lookup.id, ids))) as { id: string; parent?: string }[];
      for (const r of rows) facts.set(factsKey({ objectType: type, objectId: r.id }), { exists: true, parentId: r.parent ?? null, ficheLabel: null });
    }),
  );
  return facts;
}

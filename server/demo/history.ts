/**
 * The history of the demo contracts, dated by their data: a progress entry of 14/09/2021 is
 * recorded on 14/09/2021, the import of a contract on its first day, a registration on the day
 * the resident registered — never at the moment the demo is loaded. Steps that go through the
 * services are re-dated afterwards (`datedAs`); the follow-up, inserted directly, writes its
 * entries itself with their date (`followUpEntries`), worded as the application words its own.
 */
import { and, eq, gte, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.js";
import { auditEntries } from "../db/schema.js";
import { creationChanges, snapshot } from "../audit/diff.js";
import type { AuditRecord } from "../audit/record.js";
import { addDays, addMonths, frenchNumber, knownDate, ofKnownDate, parisDay, parisTime, shortDay, shortDayOrNull, type DatePrecision } from "../domain/dates.js";
import { excerpt } from "../domain/excerpt.js";

export const DEMO_ACTOR = "Données de démonstration";

/** The instant of a Paris wall-clock time on a day: `parisAt("2021-09-14", "18:00")`. */
export function parisAt(day: string, time: string): Date {
  for (const offset of ["+01:00", "+02:00"]) {
    const at = new Date(`${day}T${time}:00${offset}`);
    if (parisDay(at) === day && parisTime(at) === time.replace(":", "h")) return at;
  }
  // The hour skipped when clocks go forward: an hour later is the same wall-clock time.
  return new Date(`${day}T${time}:00+01:00`);
}

/**
 * Runs a step of the demo that writes its history through the services, then dates the
 * entries it wrote (the demo's, since the step began) at `at`, the data's date.
 */
export async function datedAs<T>(db: Db, at: Date, step: () => Promise<T>): Promise<T> {
  const now = await db.execute(sql`select clock_timestamp()::text as since`);
  const [row] = (now as unknown as { rows: { since: string }[] }).rows;
  const result = await step();
  await db
    .update(auditEntries)
    .set({ at })
    .where(and(isNull(auditEntries.actorId), eq(auditEntries.actorName, DEMO_ACTOR), gte(auditEntries.at, sql`${row!.since}::timestamptz`)));
  return result;
}

/** An entry of the follow-up, with its date. */
export type DatedRecord = AuditRecord & { at: Date };

/** Writes the follow-up's entries; entries of the same instant keep their order (a millisecond apart). */
export async function writeDated(tx: Tx, records: DatedRecord[]): Promise<void> {
  if (!records.length) return;
  await tx.insert(auditEntries).values(records.map((r, i) => ({ ...r, at: new Date(r.at.getTime() + (i % 1000)), actorId: null, actorName: DEMO_ACTOR })));
}

const short = (text: string) => excerpt(text);

/** The entries of a fiche's follow-up, labelled and detailed as the follow-up routes record them. */
export const followUpEntries = {
  // An entry known only by its month was written down at the month's end.
  progress: (scope: Scope, p: { happenedOn: string; happenedOnPrecision?: DatePrecision; text: string }): DatedRecord => ({
    ...part(scope, `Avancement ${ofKnownDate(p.happenedOn, p.happenedOnPrecision)}`, [
      ["happenedOn", "Date de l'avancement", knownDate(p.happenedOn, p.happenedOnPrecision)],
      ["text", "Avancement", p.text],
    ]),
    at: parisAt(p.happenedOnPrecision === "month" ? addDays(addMonths(p.happenedOn, 1), -1) : p.happenedOn, "18:00"),
  }),
  measurement: (scope: Scope, indicatorLabel: string, m: { measuredOn: string; value: number; source: string; comment: string }): DatedRecord => ({
    ...part(scope, `Mesure de l'indicateur « ${short(indicatorLabel)} »`, [
      ["measuredOn", "Date de la mesure", shortDay(m.measuredOn)],
      ["value", "Valeur", frenchNumber(m.value)],
      ["source", "Source", m.source],
      ["comment", "Commentaire", m.comment],
    ]),
    at: parisAt(m.measuredOn, "18:00"),
  }),
  milestone: (scope: Scope, m: { title: string; schedule: string }, at: Date): DatedRecord => ({
    ...part(scope, `Étape « ${m.title} »`, [
      ["title", "Étape", m.title],
      ["schedule", "Calendrier", m.schedule],
    ]),
    at,
  }),
  remaining: (scope: Scope, text: string, at: Date): DatedRecord => ({ ...part(scope, `Reste-à-faire « ${short(text)} »`, [["text", "Reste-à-faire", text]]), at }),
  adjustment: (scope: Scope, a: { kindLabel: string; description: string; statusLabel: string; agreedOn?: string; doneOn?: string }, at: Date): DatedRecord => ({
    ...part(scope, `Ajustement « ${a.kindLabel} »`, [
      ["kind", "Type d'ajustement", a.kindLabel],
      ["description", "Ajustement", a.description],
      ["status", "État", a.statusLabel],
      ["agreedOn", "Validé le", shortDayOrNull(a.agreedOn ?? null)],
      ["doneOn", "Réalisé le", shortDayOrNull(a.doneOn ?? null)],
    ]),
    at,
  }),
};

type Scope = { contractId: string; actionId: string };

function part(scope: Scope, objectLabel: string, fields: [string, string, unknown][]): AuditRecord {
  return { contractId: scope.contractId, objectType: "action", objectId: scope.actionId, objectLabel, operation: "update", changes: creationChanges(snapshot(fields)) };
}

/**
 * Search across one contract (issue 15): fiches, milestones, progress entries and meetings,
 * found by PostgreSQL's French full-text search on accent-folded text (the embedded engine
 * has no `unaccent`: both sides are folded with `translate`, so « sante » finds « santé »),
 * plus a substring fallback for what the parser keeps whole or drops (« CAF/CPAM »,
 * « ARS/ADEME », acronyms, stop words). Ranked by `ts_rank`; excerpts are built here.
 * Residents' personal data (registrations, participants) are never searched.
 */
import { and, asc, desc, eq, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, contracts, governanceBodies, meetings, milestones, progressEntries } from "../../db/schema.js";
import { ofKnownDate, parisDay } from "../../domain/dates.js";
import { notFound } from "../../http/problem.js";
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResult } from "./schema-out.js";
import { ACCENTED, bestExcerpt, fallbackOf, fold, highlight, htmlToText, PLAIN, searchTerms, type Terms } from "./text.js";

/** The best matches sent per kind; the count says how many there are in all. */
export const HITS_PER_KIND = 20;
const CONTRACT_NOT_FOUND = "Ce contrat est introuvable.";
/** « FA 9 », « fa9 »: a fiche number. */
const NUMBER_QUERY = /^(?:fa\s*)?(\d{1,3})$/i;

const FROM = ACCENTED + ACCENTED.toUpperCase();
const TO = PLAIN + PLAIN;

/** Lower case without accents (whatever the database's collation: accented capitals are translated first). */
// Constants of this module (no quote in them): written in the query rather than sent as parameters.
const folded = (expr: SQLWrapper) => sql`lower(translate(${expr}, ${sql.raw(`'${FROM}'`)}, ${sql.raw(`'${TO}'`)}))`;
const vector = (expr: SQLWrapper, weight: "A" | "B" | "C") => sql`setweight(to_tsvector('french', ${folded(expr)}), ${sql.raw(`'${weight}'`)})`;
const joined = (...parts: SQLWrapper[]) => sql`concat_ws(' ', ${sql.join(parts, sql`, `)})`;
const jsonText = (expr: SQLWrapper) => sql`coalesce((select string_agg(value, ' ') from jsonb_array_elements_text(${expr})), '')`;

/** How one kind's rows match and rank: full text on `doc`, the fallback on `plain`. */
class Matcher {
  private readonly tsquery: SQL;
  constructor(
    private readonly q: string,
    private readonly terms: Terms,
  ) {
    this.tsquery = sql`websearch_to_tsquery('french', ${fold(q)})`;
  }

  private fallback(plain: SQLWrapper): SQL | null {
    const f = fallbackOf(this.terms);
    if (!f) return null;
    return f.kind === "like" ? sql`${plain} like ${f.pattern}` : sql`${folded(plain)} like ${f.pattern}`;
  }

  where(doc: SQL, plain: SQLWrapper, extra?: SQL): SQL {
    return or(sql`${doc} @@ ${this.tsquery}`, this.fallback(plain) ?? undefined, extra)!;
  }

  rank(doc: SQL, plain: SQLWrapper, bonus?: SQL): SQL<number> {
    const fallback = this.fallback(plain);
    return sql<number>`(ts_rank(${doc}, ${this.tsquery})${fallback ? sql` + case when ${fallback} then 0.05 else 0 end` : sql``}${bonus ? sql` + ${bonus}` : sql``})`;
  }

  get query() {
    return this.q;
  }
}

const total = sql<number>`cast(count(*) over () as integer)`;
/** By the selected rank's name: written again, the expression would be computed again. */
const byRank = sql`"rank" desc`;

async function searchFiches(db: Db, contractId: string, m: Matcher, terms: Terms) {
  // Written with explicit aliases: inside a subquery drizzle drops the table names of columns.
  const partners = sql<string>`coalesce((select string_agg(o.name || coalesce(' (' || o.short_name || ')', ''), ', ' order by ap.position) from action_partners ap join organisations o on o.id = ap.organisation_id where ap.action_id = actions.id), '')`;
  const lead = sql<string>`coalesce((select o.name || coalesce(' (' || o.short_name || ')', '') from organisations o where o.id = actions.lead_organisation_id), '')`;
  const base = db
    .select({
      id: actions.id,
      number: actions.number,
      title: actions.title,
      specificObjective: actions.specificObjective,
      operationalObjectives: actions.operationalObjectives,
      targetPublic: actions.targetPublic,
      place: actions.place,
      description: actions.description,
      partners: partners.as("partners"),
      lead: lead.as("lead"),
    })
    .from(actions)
    .where(and(eq(actions.contractId, contractId), isNull(actions.archivedAt)))
    .as("fiche_base");
  const ops = jsonText(base.operationalObjectives);
  const doc = sql`(${vector(base.title, "A")} || ${vector(joined(base.specificObjective, ops, base.targetPublic, base.partners, base.lead), "B")} || ${vector(joined(base.description, base.place), "C")})`;
  const plain = joined(base.title, base.specificObjective, ops, base.targetPublic, base.partners, base.lead, base.description, base.place);
  const number = NUMBER_QUERY.exec(m.query.trim());
  const numberMatch = number ? sql`${base.number} = ${Number(number[1])}` : undefined;
  const rank = m.rank(doc, plain, numberMatch ? sql`case when ${numberMatch} then 1 else 0 end` : undefined);
  const rows = await db
    .select({
      id: base.id,
      number: base.number,
      title: base.title,
      specificObjective: base.specificObjective,
      operationalObjectives: base.operationalObjectives,
      targetPublic: base.targetPublic,
      place: base.place,
      description: base.description,
      partners: base.partners,
      lead: base.lead,
      rank: rank.as("rank"),
      total,
    })
    .from(base)
    .where(m.where(doc, plain, numberMatch))
    .orderBy(byRank, asc(base.number))
    .limit(HITS_PER_KIND);
  const hits = rows.map((r): SearchHit => {
    const found = bestExcerpt(
      [
        { label: "Objectif spécifique", text: r.specificObjective },
        { label: "Objectifs opérationnels", text: r.operationalObjectives.join(" · ") },
        { label: "Public cible", text: r.targetPublic },
        { label: "Partenaires", text: r.partners },
        { label: "Porteur", text: r.lead },
        { label: "Description", text: r.description },
        { label: "Lieu", text: r.place },
      ],
      terms,
    );
    return { ...emptyHit(r.id), title: highlight(`FA ${r.number} — ${r.title}`, terms), field: found?.field ?? null, snippet: found?.snippet ?? null, action: { id: r.id, number: r.number, title: r.title } };
  });
  return { count: rows[0]?.total ?? 0, items: hits };
}

const liveFicheOf = (contractId: string) => and(eq(actions.contractId, contractId), isNull(actions.archivedAt));

async function searchMilestones(db: Db, contractId: string, m: Matcher, terms: Terms) {
  const doc = sql`(${vector(milestones.title, "A")} || ${vector(milestones.owner, "B")})`;
  const plain = joined(milestones.title, milestones.owner);
  const rank = m.rank(doc, plain);
  const rows = await db
    .select({ id: milestones.id, title: milestones.title, owner: milestones.owner, plannedBy: milestones.plannedBy, doneOn: milestones.doneOn, actionId: actions.id, number: actions.number, actionTitle: actions.title, rank: rank.as("rank"), total })
    .from(milestones)
    .innerJoin(actions, eq(actions.id, milestones.actionId))
    .where(and(liveFicheOf(contractId), m.where(doc, plain)))
    .orderBy(byRank, asc(milestones.plannedBy))
    .limit(HITS_PER_KIND);
  const items = rows.map((r): SearchHit => {
    const found = bestExcerpt([{ label: "Responsable", text: r.owner }], terms);
    return {
      ...emptyHit(r.id),
      title: highlight(r.title, terms),
      field: found?.field ?? null,
      snippet: found?.snippet ?? null,
      action: { id: r.actionId, number: r.number, title: r.actionTitle },
      date: r.plannedBy,
      done: r.doneOn !== null,
    };
  });
  return { count: rows[0]?.total ?? 0, items };
}

async function searchProgress(db: Db, contractId: string, m: Matcher, terms: Terms) {
  const doc = vector(progressEntries.text, "A");
  const rank = m.rank(doc, progressEntries.text);
  const rows = await db
    .select({ id: progressEntries.id, text: progressEntries.text, happenedOn: progressEntries.happenedOn, happenedOnPrecision: progressEntries.happenedOnPrecision, actionId: actions.id, number: actions.number, actionTitle: actions.title, rank: rank.as("rank"), total })
    .from(progressEntries)
    .innerJoin(actions, eq(actions.id, progressEntries.actionId))
    .where(and(liveFicheOf(contractId), m.where(doc, progressEntries.text)))
    .orderBy(byRank, desc(progressEntries.happenedOn))
    .limit(HITS_PER_KIND);
  const items = rows.map((r): SearchHit => {
    const found = bestExcerpt([{ label: "État d'avancement", text: r.text }], terms);
    return {
      ...emptyHit(r.id),
      title: { text: `État d'avancement ${ofKnownDate(r.happenedOn, r.happenedOnPrecision)}`, marks: [] },
      field: found?.field ?? null,
      snippet: found?.snippet ?? null,
      action: { id: r.actionId, number: r.number, title: r.actionTitle },
      date: r.happenedOn,
    };
  });
  return { count: rows[0]?.total ?? 0, items };
}

async function searchMeetings(db: Db, contractId: string, m: Matcher, terms: Terms) {
  const decisions = jsonText(meetings.decisions);
  const minutes = sql`regexp_replace(${meetings.minutes}, '<[^>]*>', ' ', 'g')`;
  const doc = sql`(${vector(meetings.title, "A")} || ${vector(decisions, "B")} || ${vector(minutes, "C")})`;
  const plain = joined(meetings.title, decisions, minutes);
  const rank = m.rank(doc, plain);
  const rows = await db
    .select({ id: meetings.id, title: meetings.title, decisions: meetings.decisions, minutes: meetings.minutes, startsAt: meetings.startsAt, cancelledAt: meetings.cancelledAt, bodyName: governanceBodies.name, rank: rank.as("rank"), total })
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(and(eq(meetings.contractId, contractId), m.where(doc, plain)))
    .orderBy(byRank, desc(meetings.startsAt))
    .limit(HITS_PER_KIND);
  const items = rows.map((r): SearchHit => {
    const found = bestExcerpt([...r.decisions.map((text) => ({ label: "Décision", text })), { label: "Compte rendu", text: htmlToText(r.minutes) }], terms);
    return {
      ...emptyHit(r.id),
      title: highlight(r.title, terms),
      field: found?.field ?? null,
      snippet: found?.snippet ?? null,
      meetingId: r.id,
      date: parisDay(r.startsAt),
      bodyName: r.bodyName,
      cancelled: r.cancelledAt !== null,
    };
  });
  return { count: rows[0]?.total ?? 0, items };
}

function emptyHit(id: string): SearchHit {
  return { id, title: { text: "", marks: [] }, field: null, snippet: null, action: null, meetingId: null, date: null, bodyName: null, done: null, cancelled: null };
}

/** Everything of the contract that matches `q`, grouped by kind (fiches, milestones, progress, meetings), best first. */
export async function searchContract(db: Db, contractId: string, q: string): Promise<SearchResult> {
  const [contract] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.id, contractId));
  if (!contract) throw notFound(CONTRACT_NOT_FOUND);
  const terms = searchTerms(q);
  const matcher = new Matcher(q, terms);
  const [fiche, milestone, progress, meeting] = await Promise.all([
    searchFiches(db, contractId, matcher, terms),
    searchMilestones(db, contractId, matcher, terms),
    searchProgress(db, contractId, matcher, terms),
    searchMeetings(db, contractId, matcher, terms),
  ]);
  const found: Record<SearchKind, { count: number; items: SearchHit[] }> = { fiche, milestone, progress, meeting };
  const groups = (Object.keys(SEARCH_KINDS) as SearchKind[]).map((kind) => ({ kind, label: SEARCH_KINDS[kind], ...found[kind] }));
  return { q, total: groups.reduce((n, g) => n + g.count, 0), groups };
}

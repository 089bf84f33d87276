/**
 * Rotation plan of a World Café workshop (atelier des habitants): T topics
 * over T tables in timed rounds. The tables (and their moderators) stay put,
 * the topics move: with zero-based positions, in round r table t gets topic
 * (t + r) mod T, a cyclic Latin square, so each table meets each topic
 * exactly once and each round every topic sits at exactly one table.
 * Round indexes and table numbers are 1-based, as shown to people.
 * Times are local "HH:MM" strings computed in minutes; a plan must end
 * before midnight.
 */

export interface RotationInput {
  tables: number;
  /** Topic ids, one per table. */
  topics: readonly string[];
  /** Local time of the first round, "HH:MM". */
  start: string;
  roundMinutes: number;
  /** Pause between two rounds (none after the last one); 0 by default. */
  breakMinutes?: number;
}

export interface RotationAssignment {
  table: number;
  topic: string;
}

export interface RotationRound {
  index: number;
  start: string;
  end: string;
  assignments: RotationAssignment[];
}

export interface RotationPlan {
  rounds: RotationRound[];
}

const MAX_MINUTES = 240;
const DAY_MINUTES = 24 * 60;

function toMinutes(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Heure de début invalide : « ${time} » (format attendu HH:MM).`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function toTime(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function checkInput(input: RotationInput): void {
  const { tables, topics, roundMinutes, breakMinutes = 0 } = input;
  if (!Number.isInteger(tables) || tables < 1) throw new RangeError("Le nombre de tables doit être un entier positif.");
  if (topics.length !== tables)
    throw new RangeError(`Il faut autant de thèmes que de tables (${topics.length} thème(s) pour ${tables} table(s)).`);
  if (topics.some((topic) => topic.trim() === "")) throw new RangeError("Un thème n'a pas d'identifiant.");
  if (new Set(topics).size !== topics.length) throw new RangeError("La liste contient deux fois le même thème.");
  if (!Number.isInteger(roundMinutes) || roundMinutes < 1 || roundMinutes > MAX_MINUTES)
    throw new RangeError(`La durée d'un tour doit être un nombre entier de minutes entre 1 et ${MAX_MINUTES}.`);
  if (!Number.isInteger(breakMinutes) || breakMinutes < 0 || breakMinutes > MAX_MINUTES)
    throw new RangeError(`La pause entre deux tours doit être un nombre entier de minutes entre 0 et ${MAX_MINUTES}.`);
}

/** The rounds of the workshop, or a RangeError with a French message. */
export function rotationPlan(input: RotationInput): RotationPlan {
  checkInput(input);
  const { tables, topics, roundMinutes, breakMinutes = 0 } = input;
  const first = toMinutes(input.start);
  const last = first + tables * roundMinutes + (tables - 1) * breakMinutes;
  if (last >= DAY_MINUTES)
    throw new RangeError("L'atelier finirait après minuit : avancez l'heure de début ou raccourcissez les tours.");
  const rounds = Array.from({ length: tables }, (_, r): RotationRound => {
    const start = first + r * (roundMinutes + breakMinutes);
    return {
      index: r + 1,
      start: toTime(start),
      end: toTime(start + roundMinutes),
      assignments: Array.from({ length: tables }, (_, t) => ({ table: t + 1, topic: topics[(t + r) % tables] as string })),
    };
  });
  return { rounds };
}

/**
 * True when the plan is a Latin square: as many rounds as tables and topics,
 * each round puts every topic at exactly one table, and each table meets
 * every topic exactly once over the rounds.
 */
export function isLatinSquare(plan: RotationPlan): boolean {
  const n = plan.rounds.length;
  const allTables = new Set(plan.rounds.flatMap((round) => round.assignments.map((a) => a.table)));
  const allTopics = new Set(plan.rounds.flatMap((round) => round.assignments.map((a) => a.topic)));
  if (n === 0 || allTables.size !== n || allTopics.size !== n) return false;
  const perRound = plan.rounds.every(
    (round) =>
      round.assignments.length === n &&
      new Set(round.assignments.map((a) => a.table)).size === n &&
      new Set(round.assignments.map((a) => a.topic)).size === n,
  );
  if (!perRound) return false;
  return [...allTables].every((table) => {
    const met = plan.rounds.flatMap((round) => round.assignments.filter((a) => a.table === table).map((a) => a.topic));
    return met.length === n && new Set(met).size === n;
  });
}

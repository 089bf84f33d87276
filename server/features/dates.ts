/** The Paris calendar day of an instant, "AAAA-MM-JJ": the "today" of every date rule. */
export function parisDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

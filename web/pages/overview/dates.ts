/** Short French dates of the coordinator's views. */

/** "2021-09-14" → "14/09/2021". */
export const shortDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** "2021-09" or "2021-09-14" → "09/2021". */
export const shortMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

const dateTime = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
/** An instant as read in France: "mardi 7 décembre 2021 à 14:00". */
export const longDateTime = (iso: string) => dateTime.format(new Date(iso));

const dayTime = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });
/** "23/11/2026 06:11". */
export const shortDateTime = (iso: string) => dayTime.format(new Date(iso));

/**
 * The ambassadors' roster in the « registre des traitements » (RGPD art. 30): what is kept,
 * why, for whom, how long, and how many people it concerns now.
 */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { ambassadors, priorityAreas } from "../../db/schema.js";
import { longDay } from "../../domain/dates.js";
import { AMBASSADOR_RETENTION_MONTHS } from "../../domain/ambassadors.js";
import { erasureDay } from "./network.js";
import { contractOrganiser } from "./references.js";

/** How long the data stays, in words: one retention for all, or the range the roster uses. */
export function retentionWords(months: readonly number[]): string {
  const low = months.length ? Math.min(...months) : AMBASSADOR_RETENTION_MONTHS;
  const high = months.length ? Math.max(...months) : AMBASSADOR_RETENTION_MONTHS;
  const after = low === high ? `${low} mois` : `de ${low} à ${high} mois selon la personne`;
  return `Pendant la participation au réseau, puis ${after} après le départ du réseau, puis effacement automatique.`;
}

/** What the roster is for (the form, the roster page and the register say the same). */
export function ambassadorPrivacy(organiser: string, retentionMonths: readonly number[]) {
  return {
    purpose: "Animer le réseau des ambassadeurs santé : prévenir les ambassadeurs des formations et des actions, compter les formations suivies et les actions menées.",
    legalBasis: "Consentement de la personne (RGPD, article 6-1-a).",
    readers: `L'équipe de coordination du contrat local de santé (${organiser}) ; ni les partenaires, ni l'ARS, ni le public, qui ne voient que des nombres.`,
    retention: retentionWords(retentionMonths),
  };
}

/**
 * The register's entry for the roster of a contract, in the shape of the other entries
 * (`processingRegisterOut`): per priority area, how many people and when their data goes.
 * `organiser`: the contract's local authority, when the caller has it already.
 */
export async function ambassadorRegisterItem(db: Db, contractId: string, organiser?: string) {
  const [localAuthority, areas, rows] = await Promise.all([
    organiser ?? contractOrganiser(db, contractId).then((c) => c.localAuthority),
    db.select({ id: priorityAreas.id, name: priorityAreas.name }).from(priorityAreas).where(eq(priorityAreas.contractId, contractId)).orderBy(asc(priorityAreas.position)),
    db.select({ priorityAreaId: ambassadors.priorityAreaId, leftOn: ambassadors.leftOn, retentionMonths: ambassadors.retentionMonths }).from(ambassadors).where(eq(ambassadors.contractId, contractId)),
  ]);
  return {
    kind: "ambassadors" as const,
    label: "Réseau des ambassadeurs santé",
    data: "Prénom, nom, quartier prioritaire, e-mail et téléphone (facultatifs), dates d'arrivée et de départ du réseau, notes de la coordination, formations suivies et actions menées, accord donné (version du texte et date).",
    ...ambassadorPrivacy(localAuthority, rows.map((r) => r.retentionMonths)),
    groupLabel: "Quartier prioritaire",
    empty: "Aucun quartier prioritaire dans ce contrat : aucun ambassadeur santé n'y est inscrit.",
    groups: areas.map((area) => {
      const here = rows.filter((r) => r.priorityAreaId === area.id);
      return { id: area.id, title: area.name, people: here.length, erasure: erasureWords(here) };
    }),
  };
}

/** When the data of some ambassadors goes, in French: the rule, and the first erasure to come. */
export function erasureWords(people: readonly { leftOn: string | null; retentionMonths: number }[]): string {
  const days = people.flatMap((p) => erasureDay(p) ?? []).sort();
  const months = [...new Set(people.map((p) => p.retentionMonths))].sort((a, b) => a - b);
  const after = months.length > 1 ? `${months[0]} à ${months.at(-1)} mois` : `${months[0] ?? AMBASSADOR_RETENTION_MONTHS} mois`;
  const rule = `${after} après le départ du réseau`;
  return days.length ? `${rule} ; prochain effacement le ${longDay(days[0]!)}` : `${rule} ; personne n'a quitté le réseau`;
}

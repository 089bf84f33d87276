/**
 * The exchange format, version 2: a running contract. Version 1's static contract
 * (`contract`) and its life: governance (bodies, meetings), follow-up of each fiche,
 * reviews and reports. docs/contract-format-v2.schema.json is generated from this
 * schema (npm run cles -- schema). References: refs.ts.
 */
import { z } from "zod";
import { checkContract, contractBody, formatLiteral } from "../format.js";
import { checkFollowUp, followUpSection } from "./followup.js";
import { checkGovernance, governanceSection } from "./governance.js";
import { ficheKeys, type KeyKind } from "./refs.js";
import { checkParticipation, participationSection } from "./participation.js";
import { ambassadorsSection, checkResidents, surveysSection } from "./residents.js";
import { reviewIssues, reviewsSection } from "./reviews.js";

export const FORMAT_VERSION_2 = 2;

export const contractDocumentV2 = z
  .object({
    format: formatLiteral,
    version: z.literal(FORMAT_VERSION_2, { error: "Version de format non prise en charge (attendue : 1 ou 2)." }),
    exportedAt: z.string().optional(),
    /** The file holds the residents' names and e-mails (asked for at export; never by default). */
    residents: z.boolean().default(false),
    contract: contractBody,
    governance: governanceSection.default({ bodies: [], meetings: [] }),
    followUp: followUpSection.default({ fiches: [], items: [] }),
    reviews: reviewsSection.default({ settings: null, quarterly: [], shared: [], annualReports: [], evaluation: null }),
    /** Residents' workshops and registrations: only in a file written with `residents: true`. */
    workshops: participationSection.optional(),
    /** Residents' surveys with their answers, and the health ambassadors: only with `residents: true` too. */
    surveys: surveysSection.optional(),
    ambassadors: ambassadorsSection.optional(),
  })
  .superRefine((doc, ctx) => {
    checkContract(doc.contract, ctx);
    const c = doc.contract;
    const fiches = ficheKeys(c.actions);
    const keys = new Map<string, KeyKind>(fiches.map((k) => [k, "fiche"]));
    const issues = [
      ...checkGovernance(doc.governance, new Set(c.axes.map((a) => a.number)), new Set(c.organisations.map((o) => o.name)), keys),
      ...checkFollowUp(doc.followUp, new Map(fiches.map((k, i) => [k, c.actions[i]!.indicators.length])), keys, new Set(c.organisations.map((o) => o.name))),
      ...reviewIssues(doc.reviews, (k) => keys.get(k) === "meeting"),
      ...checkParticipation(doc.workshops ?? [], keys),
      ...checkResidents(doc.surveys ?? [], doc.ambassadors ?? { people: [], trainings: [], activities: [] }, keys, c.priorityAreas.length),
    ];
    for (const issue of issues) ctx.addIssue({ code: "custom", ...issue });
  });
export type ContractDocumentV2 = z.infer<typeof contractDocumentV2>;

/** What the reference route answers: the controlled vocabularies, as lists and as labels by key. */
import { z } from "zod";

const labels = z.record(z.string(), z.string());

export const referenceOut = z.object({
  themes: z.array(z.string()).readonly(),
  determinants: z.array(z.string()).readonly(),
  partnerSectors: z.array(z.string()).readonly(),
  participationDegrees: labels,
  cityContractAnswers: labels,
  territoryScopes: labels,
  indicatorKinds: labels,
  otherPlans: z.array(z.string()).readonly(),
  actionStatuses: labels,
  contractStatuses: labels,
  contractTransitions: z.record(z.string(), z.array(z.string()).readonly()),
});

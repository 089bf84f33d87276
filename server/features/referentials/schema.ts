/** What the regional referentials' routes accept and answer (zod, in and out). */
import { z } from "zod";
import { REGIONS } from "../../domain/roles.js";
import { MAX_INT4, optionalText, requiredText, uuid } from "../../validation/fields.js";

export const regionParams = z.object({
  regionCode: z.string().refine((code) => code in REGIONS, { error: "Cette région n'existe pas (code INSEE, par exemple 27 ou 11)." }),
});
export const contractParams = z.object({ contractId: uuid });

const prsProject = z.object({
  code: requiredText("Le code du projet", 20),
  label: optionalText("Le libellé du projet", 300),
});

export const referentialBody = z
  .object({
    arsName: requiredText("Le nom de l'ARS", 120),
    templateWording: optionalText("La mention du modèle de fiche", 200),
    prsName: optionalText("Le nom du PRS", 80),
    prsEdition: optionalText("L'édition du PRS", 40),
    prsProjects: z.array(prsProject).max(300, { error: "Au plus 300 projets." }),
    regionalPlans: z.array(requiredText("Le nom du plan", 200)).max(50, { error: "Au plus 50 plans régionaux." }),
    /** The version read; 0 when the region had nothing saved yet. */
    version: z.number({ error: "La version de l'objet lu est obligatoire." }).int().min(0).max(MAX_INT4),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.prsProjects.forEach((p, i) => {
      if (seen.has(p.code)) ctx.addIssue({ code: "custom", path: ["prsProjects", i, "code"], message: `Le code ${p.code} figure deux fois.` });
      seen.add(p.code);
    });
    const plans = new Set<string>();
    value.regionalPlans.forEach((p, i) => {
      if (plans.has(p)) ctx.addIssue({ code: "custom", path: ["regionalPlans", i], message: `Le plan « ${p} » figure deux fois.` });
      plans.add(p);
    });
  });
export type ReferentialBody = z.infer<typeof referentialBody>;

export const referentialOut = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  arsName: z.string(),
  templateWording: z.string(),
  prsName: z.string(),
  prsEdition: z.string(),
  prsProjects: z.array(z.object({ code: z.string(), label: z.string() })),
  regionalPlans: z.array(z.string()),
  version: z.number().int(),
});
export const referentialsOut = z.object({ referentials: z.array(referentialOut) });

/** A contract's referential: its region's (null when its communes give none) and the plans a fiche may name. */
export const contractReferentialOut = z.object({
  referential: referentialOut.nullable(),
  planSuggestions: z.array(z.string()),
  templatePhrase: z.string(),
});

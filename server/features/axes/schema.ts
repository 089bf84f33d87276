import { z } from "zod";
import { optionalText, requiredText, uuid, version } from "../../validation/fields.js";

export const axisBody = z.object({
  title: requiredText("L'intitulé de l'axe", 300),
  description: optionalText("La description de l'axe", 5000),
});
export const axisUpdateBody = axisBody.extend({ version });

export const objectiveBody = z.object({
  code: requiredText("Le code de l'objectif", 20),
  title: requiredText("L'intitulé de l'objectif", 500),
});
export const objectiveUpdateBody = objectiveBody.extend({ version });

export const orderBody = z.object({
  ids: z.array(uuid).min(1, { error: "La liste est vide." }).max(500),
});

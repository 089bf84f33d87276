/** Route parameters shared by the features: a contract's routes all take `:contractId`. */
import { z } from "zod";
import { uuid } from "../validation/fields.js";

export const contractParams = z.object({ contractId: uuid });

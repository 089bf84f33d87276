/** The contract a residents' participation row belongs to (deleted with it; its changes announced as the contract's). */
import { uuid } from "drizzle-orm/pg-core";
import { contracts } from "./contracts-schema.js";

export const contractColumn = () =>
  uuid("contract_id")
    .notNull()
    .references(() => contracts.id, { onDelete: "cascade" });

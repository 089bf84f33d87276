/** The history of every change: written in the transaction of the change, never edited through any route. */
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AuditChange, AuditOperation, AuditObjectType } from "../domain/history.js";
import { users } from "./accounts-schema.js";
import { contracts } from "./contracts-schema.js";

export const auditEntries = pgTable(
  "audit_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Null for changes made by the command line or the demo seed. */
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** The name at the time of the change, kept if the account goes. */
    actorName: text("actor_name").notNull(),
    contractId: uuid("contract_id").references(() => contracts.id, { onDelete: "cascade" }),
    objectType: text("object_type").$type<AuditObjectType>().notNull(),
    objectId: text("object_id").notNull(),
    objectLabel: text("object_label").notNull(),
    operation: text("operation").$type<AuditOperation>().notNull(),
    changes: jsonb("changes").$type<AuditChange[]>().notNull().default([]),
  },
  (t) => [index("audit_contract_at").on(t.contractId, t.at), index("audit_object").on(t.objectType, t.objectId, t.at), index("audit_at").on(t.at)],
);

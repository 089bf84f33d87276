/**
 * The whole database schema, as one index (drizzle-kit and the client read it). Tables
 * live in the *-schema.ts files, which import one another, never this index.
 */
export * from "./contracts-schema.js";
export * from "./accounts-schema.js";
export * from "./audit-schema.js";
export * from "./governance-schema.js";
export * from "./monitoring-schema.js";
export * from "./reporting-schema.js";
export * from "./participation-schema.js";
export * from "./surveys-schema.js";
export * from "./ambassadors-schema.js";
export * from "./referents-schema.js";
export * from "./jobs-schema.js";

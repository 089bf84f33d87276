/** The contract and its plan: territory, directory, axes and objectives, fiches actions and their indicators. */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ActionStatus, ContractStatus } from "../domain/statuses.js";
import type { ContractKeyDate } from "../domain/key-dates.js";
import type {
  CityContractAnswer,
  Determinant,
  IndicatorKind,
  ParticipationDegree,
  PartnerSector,
  TerritoryScope,
  Theme,
} from "../domain/vocabulary.js";
import { timestamps } from "./columns.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const id = () => uuid("id").primaryKey().defaultRandom();
/** Optimistic concurrency: every edit sends the version it read; a stale one is refused. */
const versioned = { version: integer("version").notNull().default(1) };

export const contracts = pgTable("contracts", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  localAuthority: text("local_authority").notNull(),
  startDate: date("start_date").notNull(),
  endDate: date("end_date").notNull(),
  status: text("status").$type<ContractStatus>().notNull(),
  summary: text("summary").notNull().default(""),
  /** The contract's key dates before and around its signature (« Présenté au COPIL » in 2020-11…), a day or a month each, in date order. */
  keyDates: jsonb("key_dates").$type<ContractKeyDate[]>().notNull().default([]),
  /** The population the contract states for its territory (CAPVM: 229,203), as signed; none when it states none. */
  population: integer("population"),
  /** Opt-in by the coordinator: the contract's public page is reachable without signing in. */
  published: boolean("published").notNull().default(false),
  ...versioned,
  ...timestamps,
});

export const communes = pgTable(
  "communes",
  {
    id: id(),
    contractId: uuid("contract_id").notNull().references(() => contracts.id, { onDelete: "cascade" }),
    inseeCode: text("insee_code").notNull(),
    name: text("name").notNull(),
    population: integer("population"),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("communes_contract_insee").on(t.contractId, t.inseeCode),
    /** The contracts of an ARS delegation, by département (see `communeDepartment` in server/policies/actor.ts). */
    index("communes_department").on(sql`(case when insee_code like '97%' then left(insee_code, 3) else left(insee_code, 2) end)`),
  ],
);

export const priorityAreas = pgTable(
  "priority_areas",
  {
    id: id(),
    contractId: uuid("contract_id").notNull().references(() => contracts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    code: text("code"),
    communeInseeCode: text("commune_insee_code"),
    position: integer("position").notNull(),
  },
  (t) => [index("priority_areas_contract").on(t.contractId)],
);

/** The contract's directory of organisations and services (leads, partners, signatories). */
export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    contractId: uuid("contract_id").notNull().references(() => contracts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    shortName: text("short_name"),
    sector: text("sector").$type<PartnerSector>(),
    ...versioned,
    ...timestamps,
  },
  (t) => [uniqueIndex("organisations_contract_name").on(t.contractId, t.name)],
);

export const signatories = pgTable(
  "signatories",
  {
    id: id(),
    contractId: uuid("contract_id").notNull().references(() => contracts.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    representative: text("representative").notNull().default(""),
    title: text("title").notNull().default(""),
    signedOn: date("signed_on"),
    position: integer("position").notNull(),
  },
  (t) => [index("signatories_contract").on(t.contractId)],
);

export const axes = pgTable(
  "axes",
  {
    id: id(),
    contractId: uuid("contract_id").notNull().references(() => contracts.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ...versioned,
    ...timestamps,
  },
  (t) => [uniqueIndex("axes_contract_number").on(t.contractId, t.number)],
);

export const objectives = pgTable(
  "objectives",
  {
    id: id(),
    axisId: uuid("axis_id").notNull().references(() => axes.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    title: text("title").notNull(),
    position: integer("position").notNull(),
    ...versioned,
    ...timestamps,
  },
  (t) => [uniqueIndex("objectives_axis_code").on(t.axisId, t.code)],
);

export type ThemeEntry = { theme: Theme; other: string | null };

export const actions = pgTable(
  "actions",
  {
    id: id(),
    contractId: uuid("contract_id").notNull().references(() => contracts.id, { onDelete: "cascade" }),
    axisId: uuid("axis_id").notNull().references(() => axes.id),
    objectiveId: uuid("objective_id").references(() => objectives.id),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    status: text("status").$type<ActionStatus>().notNull(),
    leadOrganisationId: uuid("lead_organisation_id").references(() => organisations.id),
    leadPerson: text("lead_person"),
    startMonth: text("start_month"),
    endMonth: text("end_month"),
    justification: text("justification").notNull().default(""),
    inequalitiesIdentified: boolean("inequalities_identified"),
    cityContractHealth: text("city_contract_health").$type<CityContractAnswer>(),
    specificObjective: text("specific_objective").notNull().default(""),
    operationalObjectives: jsonb("operational_objectives").$type<string[]>().notNull().default([]),
    description: text("description").notNull().default(""),
    preExisting: boolean("pre_existing"),
    targetPublic: text("target_public").notNull().default(""),
    place: text("place").notNull().default(""),
    territoryScope: text("territory_scope").$type<TerritoryScope>().notNull(),
    territoryCommunes: jsonb("territory_communes").$type<string[]>().notNull().default([]),
    /** One to three determinants of health the fiche aims at (issue 15; replaces `determinant`). */
    determinants: jsonb("determinants").$type<Determinant[]>().notNull().default([]),
    themes: jsonb("themes").$type<ThemeEntry[]>().notNull().default([]),
    otherPlans: jsonb("other_plans").$type<string[]>().notNull().default([]),
    prsProjects: jsonb("prs_projects").$type<string[]>().notNull().default([]),
    participationInvolved: boolean("participation_involved"),
    participationHow: text("participation_how").notNull().default(""),
    participationDegree: text("participation_degree").$type<ParticipationDegree>(),
    /** Set when this fiche was merged into another; its history stays readable from there. */
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => actions.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** French full-text index of what people search a fiche by. */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('french', coalesce(title, '')), 'A') || setweight(to_tsvector('french', coalesce(specific_objective, '') || ' ' || coalesce(target_public, '')), 'B') || setweight(to_tsvector('french', coalesce(description, '') || ' ' || coalesce(justification, '') || ' ' || coalesce(place, '') || ' ' || coalesce(lead_person, '')), 'C')`,
    ),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    index("actions_contract").on(t.contractId),
    /** The fiche page looks up the fiches merged into it. */
    index("actions_merged_into").on(t.mergedIntoId),
    uniqueIndex("actions_contract_number_live").on(t.contractId, t.number).where(sql`archived_at is null`),
    index("actions_search").using("gin", t.search),
  ],
);

/** Whether a funder's share of a fiche's budget is granted or only asked for. */
export type FundingStatus = "secured" | "requested";

/** A fiche's budget: an amount per year and funder (an organisation of the contract's directory). */
export const actionBudgets = pgTable(
  "action_budgets",
  {
    id: id(),
    contractId: uuid("contract_id").notNull().references(() => contracts.id, { onDelete: "cascade" }),
    actionId: uuid("action_id").notNull().references(() => actions.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    /** In euros, whole. */
    amount: integer("amount").notNull(),
    funderId: uuid("funder_id").notNull().references(() => organisations.id),
    status: text("status").$type<FundingStatus>().notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("action_budgets_action").on(t.actionId), index("action_budgets_contract").on(t.contractId)],
);

/** A PRS project: its code as the ARS writes it, and its label. */
export type PrsProject = { code: string; label: string };

/**
 * What belongs to a region rather than to a contract (issue 15): the ARS's name and the wording
 * of its fiche template, its PRS (name, edition, projects) and its regional plans (PRSE…).
 * Keyed by the region's INSEE code; a region without a row has none yet.
 */
export const regionalReferentials = pgTable("regional_referentials", {
  regionCode: text("region_code").primaryKey(),
  arsName: text("ars_name").notNull(),
  templateWording: text("template_wording").notNull().default(""),
  prsName: text("prs_name").notNull().default(""),
  prsEdition: text("prs_edition").notNull().default(""),
  prsProjects: jsonb("prs_projects").$type<PrsProject[]>().notNull().default([]),
  regionalPlans: jsonb("regional_plans").$type<string[]>().notNull().default([]),
  ...versioned,
  ...timestamps,
});

export const actionPartners = pgTable(
  "action_partners",
  {
    id: id(),
    actionId: uuid("action_id").notNull().references(() => actions.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    person: text("person"),
    sector: text("sector").$type<PartnerSector>().notNull(),
    needsAnalysis: boolean("needs_analysis").notNull(),
    resourceMobilisation: boolean("resource_mobilisation").notNull(),
    implementation: boolean("implementation").notNull(),
    coSteering: boolean("co_steering").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("action_partners_action").on(t.actionId), index("action_partners_org").on(t.organisationId)],
);

export const indicators = pgTable(
  "indicators",
  {
    id: id(),
    actionId: uuid("action_id").notNull().references(() => actions.id, { onDelete: "cascade" }),
    kind: text("kind").$type<IndicatorKind>().notNull(),
    label: text("label").notNull(),
    unit: text("unit").notNull().default(""),
    baseline: doublePrecision("baseline"),
    target: doublePrecision("target"),
    position: integer("position").notNull(),
  },
  (t) => [index("indicators_action").on(t.actionId)],
);

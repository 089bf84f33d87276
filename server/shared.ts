/**
 * What the web uses of the server at run time, and nothing else: vocabularies and a few
 * pure rules and labels here, the input schemas its forms validate with in
 * server/shared-forms.ts. The web imports only these two modules from server/ (lint:
 * no-restricted-imports); the API's answers are typed by web/api/schema.d.ts, generated
 * from the OpenAPI document. This one builds no zod schema: a page that only shows
 * (the contract page, the first a coordinator opens) does not pay ~100 ms of main thread
 * building every form's schemas.
 */
export { indicatorChartOption } from "./documents/chart-options.js";
export { addBudgetTotals, budgetTotalsText } from "./domain/budget.js";
export { scoreTables, type TableScore } from "./domain/composition.js";
export { BODY_KINDS, type BodyKind } from "./domain/vocabulary.js";
export { AUDIT_OBJECT_TYPE_LABELS, type AuditObjectType } from "./domain/history.js";
export { DATE_PRECISIONS, knownDate, longDay, longMonth, ofKnownDate, once, shortDay, type DatePrecision } from "./domain/dates.js";
export { keyDateShown, parseKeyDate } from "./domain/key-dates.js";
export { SECTION_KINDS } from "./domain/review-sections.js";
export { ROLE_LABELS, type MemberRole } from "./domain/roles.js";
export { SHOWN_STATUSES } from "./domain/shown-status.js";
export { ACTION_STATUSES, CONTRACT_STATUSES, type ActionStatus, type ContractStatus } from "./domain/statuses.js";
export {
  CITY_CONTRACT_ANSWERS,
  DETERMINANTS,
  FUNDING_STATUSES,
  INDICATOR_KINDS,
  MAX_DETERMINANTS,
  OTHER_PLANS,
  PARTICIPATION_DEGREES,
  PARTNER_SECTORS,
  TERRITORY_SCOPES,
  THEMES,
  type CityContractAnswer,
  type Determinant,
  type FundingStatusKey,
  type IndicatorKind,
  type ParticipationDegree,
  type PartnerSector,
  type TerritoryScope,
  type Theme,
} from "./domain/vocabulary.js";
export { CONTRACT_TRANSITIONS } from "./features/contracts/lifecycle.js";
export { ADJUSTMENT_KINDS, ADJUSTMENT_STATUSES } from "./features/followup/rules.js";
export { formatDuration } from "./features/governance/rhythm.js";
export { describeImportPath } from "./features/transfer/labels.js";
export { DEPLOYMENT_TITLE, reviewOutline, sectionNumbers, type OutlineItem, type OutlinePart } from "./features/reviews/outline.js";
export {
  AGE_BANDS,
  CONTACT_WAYS,
  DEFAULT_RETENTION_MONTHS,
  GENDERS,
  QPV_NONE,
  QPV_UNKNOWN,
  REGISTRATION_STATUSES,
  SOCIO_CATEGORIES,
  type AgeBand,
  type ContactWay,
  type Gender,
  type RegistrationStatus,
  type SocioCategory,
} from "./domain/participation.js";
export { ANSWER_SOURCES, CHOICE_KINDS, isShown, OTHER_OPTION, QUESTION_KINDS } from "./domain/surveys.js";
export { SHOWN_CONTRACT_STATUSES, shownContractStatus, type ShownContractStatus } from "./domain/contract-status.js";
export { proConnectFailureMessage } from "./domain/proconnect.js";

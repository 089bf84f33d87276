/**
 * The input schemas the web's forms validate with (zod; building them costs ~100 ms of
 * main thread in a browser, so only pages with forms load this module). Vocabularies and
 * pure rules are in server/shared.ts.
 */
export { ACTION_SORTS, actionFilters, type ActionFilters } from "./features/actions/filters.js";
export { actionBody, actionFields, blankActionContent, type ActionBody } from "./features/actions/schema.js";
export { contractBody, type ContractBody } from "./features/contracts/schema.js";
export { bodyBody, meetingBody } from "./features/governance/schema.js";
export { organisationBody } from "./features/organisations/schema.js";
export { registrationBody, synthesisBody, workshopBody, type RegistrationBody, type WorkshopBody } from "./features/participation/schema.js";
export { surveyBody } from "./features/surveys/schema.js";

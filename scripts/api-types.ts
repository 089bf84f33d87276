/** Writes web/api/schema.d.ts, the web's API types, from the routes' declared schemas (server/testing/openapi-types.ts). */
import { writeFileSync } from "node:fs";
import { API_TYPES_FILE, openapiTypes } from "../server/testing/openapi-types.js";

writeFileSync(API_TYPES_FILE, await openapiTypes());
console.log(`${API_TYPES_FILE} written.`);

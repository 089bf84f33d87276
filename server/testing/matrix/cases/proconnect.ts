/**
 * ProConnect's routes: the matrix's app has no ProConnect, so they answer 404 to everyone
 * (server/features/proconnect/proconnect.test.ts checks them against a local provider).
 */
import { NOT_CONFIGURED } from "../../../features/proconnect/routes.js";
import { everyone, type Cases } from "../support.js";

export const proConnectCases: Cases = {
  "GET /api/auth/proconnect/start": [{ call: () => ({ url: "/api/auth/proconnect/start" }), expect: everyone(404), reason: NOT_CONFIGURED }],
  "GET /api/auth/proconnect/callback": [{ call: () => ({ url: "/api/auth/proconnect/callback?code=x&state=y" }), expect: everyone(404), reason: NOT_CONFIGURED }],
};

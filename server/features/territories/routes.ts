/**
 * The territory of an ARS delegation (issue 15, item 5): the overview of its contracts and
 * its aggregates, the side-by-side comparison of two to five contracts, the exports of the
 * overview and of the fiches (XLSX, CSV), and the open-data archive of the scope.
 * Who reads which territory is decided in server/policies (readableDepartments).
 */
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Readable } from "node:stream";
import { parisDay, shortDay } from "../../domain/dates.js";
import { SHOWN_CONTRACT_STATUSES } from "../../domain/contract-status.js";
import { binary } from "../../http/responses.js";
import type { Actor } from "../../policies/index.js";
import { FICHES_TABLE, OVERVIEW_TABLE, tableCsv, tableXlsx, type Notes } from "./exports.js";
import { openDataZip } from "./open-data.js";
import { periodOf, type Filters } from "./overview.js";
import { compareQuery, exportQuery, overviewQuery, scopeQuery, type FilterQuery } from "./schema.js";
import { compareOut, overviewOut, scopeChoicesOut } from "./schema-out.js";
import { resolveScope, scopeChoices, type Scope } from "./scope.js";
import { compare, directory, exportRows, inScope, overview } from "./service.js";

const tags = ["Territoire"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV = "text/csv; charset=utf-8";

/** « 77 », « region-11 » or « instance », for file names. */
const fileScope = (scope: Scope) => (scope.all ? "instance" : scope.label.startsWith("Région") ? `region-${scope.label.slice(7).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z]+/g, "-").toLowerCase()}` : scope.departements.join("-"));

/** What the files say of how they were made: the scope, the day, the filters. */
function notes(scope: Scope, f: Filters, today: string): Notes {
  const { from, to } = periodOf(f);
  const period = f.year !== undefined ? `contrats en cours en ${f.year}` : from || to ? `contrats en cours ${from ? `à partir du ${shortDay(from)}` : ""}${from && to ? " et " : ""}${to ? `jusqu'au ${shortDay(to)}` : ""}` : "";
  const filters = [
    f.status && `statut « ${SHOWN_CONTRACT_STATUSES[f.status]} »`,
    period,
    f.theme && `thématique « ${f.theme} »`,
    f.determinant && `déterminant « ${f.determinant} »`,
    f.prsCode && `projet du PRS ${f.prsCode}`,
  ].filter(Boolean);
  return [
    ["Territoire", scope.label],
    ["Au", shortDay(today)],
    ["Filtres", filters.length ? filters.join(", ") : "aucun"],
    ["Statuts", "Statuts affichés dans Clés à cette date : ils suivent le calendrier (fiche « En retard » dès qu'une étape a dépassé sa date sans être réalisée)."],
  ];
}

function download(reply: FastifyReply, type: string, name: string, body: Readable | string) {
  return reply.header("content-type", type).header("content-disposition", `attachment; filename="${name}"`).send(body);
}

export const territoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const exportData = async (actor: Actor, query: FilterQuery) => {
    const scope = resolveScope(actor, query);
    const today = parisDay();
    return { scope, today, ...(await exportRows(app, actor, scope, query, today)) };
  };

  app.get("/territories/scope", { schema: { response: { 200: scopeChoicesOut }, tags, summary: "Les territoires que le compte peut lire (aucun pour un compte qui n'est ni ARS ni administrateur)" } }, async (request) =>
    scopeChoices(request.actor),
  );

  app.get(
    "/territories/overview",
    { schema: { response: { 200: overviewOut }, tags, summary: "Vue d'ensemble des contrats d'un territoire (départements, région, ou tout le territoire du compte) et ses agrégats", querystring: overviewQuery } },
    async (request) => {
      const scope = resolveScope(request.actor, request.query);
      return overview(app, request.actor, scope, request.query, parisDay());
    },
  );

  app.get("/territories/compare", { schema: { response: { 200: compareOut }, tags, summary: "Deux à cinq contrats côte à côte", querystring: compareQuery } }, async (request) =>
    compare(app, request.actor, request.query.contracts, parisDay()),
  );

  app.get(
    "/territories/overview.xlsx",
    { schema: { response: { 200: binary("La vue d'ensemble, une ligne par contrat (XLSX)", XLSX) }, tags, summary: "Vue d'ensemble du territoire au format Excel", querystring: exportQuery } },
    async (request, reply) => {
      const { scope, today, rows } = await exportData(request.actor, request.query);
      const title = `Contrats locaux de santé — ${scope.label}`;
      return download(reply, XLSX, `territoire-${fileScope(scope)}-${today}.xlsx`, tableXlsx(OVERVIEW_TABLE, rows, title, notes(scope, request.query, today)));
    },
  );

  app.get(
    "/territories/overview.csv",
    { schema: { response: { 200: binary("La vue d'ensemble, une ligne par contrat (CSV, point-virgule)", CSV) }, tags, summary: "Vue d'ensemble du territoire au format CSV", querystring: exportQuery } },
    async (request, reply) => {
      const { scope, today, rows } = await exportData(request.actor, request.query);
      return download(reply, CSV, `territoire-${fileScope(scope)}-${today}.csv`, tableCsv(OVERVIEW_TABLE, rows));
    },
  );

  app.get(
    "/territories/fiches.xlsx",
    { schema: { response: { 200: binary("Les fiches du territoire, une ligne par fiche avec son contrat (XLSX)", XLSX) }, tags, summary: "Fiches actions du territoire au format Excel", querystring: exportQuery } },
    async (request, reply) => {
      const { scope, today, fiches } = await exportData(request.actor, request.query);
      const title = `Fiches actions — ${scope.label}`;
      return download(reply, XLSX, `fiches-${fileScope(scope)}-${today}.xlsx`, tableXlsx(FICHES_TABLE, fiches, title, notes(scope, request.query, today)));
    },
  );

  app.get(
    "/territories/fiches.csv",
    { schema: { response: { 200: binary("Les fiches du territoire, une ligne par fiche avec son contrat (CSV, point-virgule)", CSV) }, tags, summary: "Fiches actions du territoire au format CSV", querystring: exportQuery } },
    async (request, reply) => {
      const { scope, today, fiches } = await exportData(request.actor, request.query);
      return download(reply, CSV, `fiches-${fileScope(scope)}-${today}.csv`, tableCsv(FICHES_TABLE, fiches));
    },
  );

  app.get(
    "/territories/open-data.zip",
    {
      schema: {
        response: { 200: binary("Archive ZIP de fichiers CSV, avec leur schéma (datapackage.json) et un README", "application/zip") },
        tags,
        summary: "Données ouvertes du territoire (ou de toute l'instance pour l'administration), sans donnée personnelle",
        querystring: scopeQuery,
      },
    },
    async (request, reply) => {
      const scope = resolveScope(request.actor, request.query);
      const contracts = inScope(request.actor, scope, await directory(app));
      const today = parisDay();
      const stream = openDataZip(app.db, { label: scope.label, all: scope.all, contracts }, today);
      return download(reply, "application/zip", `donnees-ouvertes-cls-${fileScope(scope)}-${today}.zip`, stream);
    },
  );
};

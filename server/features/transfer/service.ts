import { asc, eq, inArray, sql } from "drizzle-orm";
import { inDateOrder } from "../../domain/key-dates.js";
import type { Db } from "../../db/client.js";
import { actionPartners, actions, axes, contracts, indicators, objectives, organisations } from "../../db/schema.js";
import { conflict, invalid } from "../../http/problem.js";
import { assertCleanText } from "../../http/text-guard.js";
import { actionColumns, actionContentFromRows } from "../actions/mapping.js";
import { writeActionChildren } from "../actions/service.js";
import { getContract } from "../contracts/queries.js";
import { slugTaken, writeContractParts } from "../contracts/service.js";
import { communesFromReference } from "../contracts/territory.js";
import { contractDocument, FORMAT, type ContractBody, type ContractDocument } from "./format.js";
import { contractDocumentV2, FORMAT_VERSION_2, type ContractDocumentV2 } from "./v2/format.js";
import { ficheKeys, RefMap } from "./v2/refs.js";
import { exportRunning, importRunning } from "./v2/service.js";
import { describeImportPath } from "./labels.js";
import type { Actor } from "../../policies/index.js";
import { recordAudit } from "../../audit/record.js";

/** The static contract (version 1's `contract`), with its fiches' ids and their indicators' ids in the file's order. */
export async function exportStatic(db: Db, contractId: string): Promise<StaticExport> {
  const view = await getContract(db, contractId);
  const orgName = new Map(view.organisations.map((o) => [o.id, o.name]));
  const name = (id: string) => orgName.get(id) ?? "";
  const actionRows = await db.select().from(actions).where(eq(actions.contractId, contractId))// A stable order that depends only on content: number, live before archived, title.
    .orderBy(asc(actions.number), sql`${actions.archivedAt} is not null`, asc(actions.title), asc(actions.id));
  const ids = actionRows.map((a) => a.id);
  const [partnerRows, indicatorRows] = ids.length
    ? await Promise.all([
        db.select().from(actionPartners).where(inArray(actionPartners.actionId, ids)),
        db.select().from(indicators).where(inArray(indicators.actionId, ids)),
      ])
    : [[], []];
  const axisOf = new Map(view.axes.map((a) => [a.id, a]));
  const objectiveCode = new Map(view.axes.flatMap((a) => a.objectives.map((o) => [o.id, o.code] as const)));
  const indicatorIds = new Map(
    ids.map((id) => [id, indicatorRows.filter((i) => i.actionId === id).sort((a, b) => a.position - b.position).map((i) => i.id)] as const),
  );
  return {
    actionIds: ids,
    indicatorIds,
    contract: {
      slug: view.slug,
      name: view.name,
      localAuthority: view.localAuthority,
      startDate: view.startDate,
      endDate: view.endDate,
      status: view.status,
      summary: view.summary,
      ...(view.population !== null ? { population: view.population } : {}),
      keyDates: view.keyDates,
      communes: view.communes,
      priorityAreas: view.priorityAreas,
      signatories: view.signatories.map((s) => ({ organisation: s.organisationName, representative: s.representative, title: s.title, signedOn: s.signedOn })),
      organisations: view.organisations.map(({ name: n, shortName, sector }) => ({ name: n, shortName, sector })),
      axes: view.axes.map((a) => ({ number: a.number, title: a.title, description: a.description, objectives: a.objectives.map((o) => ({ code: o.code, title: o.title })) })),
      actions: actionRows.map((row) => {
        const content = actionContentFromRows(
          row,
          partnerRows.filter((p) => p.actionId === row.id),
          indicatorRows.filter((i) => i.actionId === row.id),
          name,
        );
        return {
          ...content,
          indicators: content.indicators.map(({ id: _id, ...i }) => i),
          axis: axisOf.get(row.axisId)!.number,
          objective: row.objectiveId ? objectiveCode.get(row.objectiveId)! : null,
          archived: row.archivedAt !== null,
        };
      }),
    },
  };
}

export type StaticExport = { contract: ContractBody; actionIds: string[]; indicatorIds: Map<string, string[]> };

/** The whole running contract in the exchange format, version 2; residents' names only when asked. */
export async function exportContract(db: Db, contractId: string, options: { residents?: boolean } = {}): Promise<ContractDocumentV2> {
  const view = await getContract(db, contractId);
  const statics = await exportStatic(db, contractId);
  const running = await exportRunning(db, contractId, view, statics, options.residents ?? false);
  return { format: FORMAT, version: FORMAT_VERSION_2, exportedAt: new Date().toISOString(), residents: options.residents ?? false, contract: statics.contract, ...running };
}

/** Validates a file against the format; French errors name the fiche and field. Writes nothing. */
export function parseContractDocument(input: unknown): ContractDocument | ContractDocumentV2 {
  assertCleanText(input);
  const v2 = (input as { version?: unknown } | null)?.version === FORMAT_VERSION_2;
  const result = (v2 ? contractDocumentV2 : contractDocument).safeParse(input);
  if (result.success) return result.data;
  const fiches = (input as { contract?: { actions?: unknown } } | null)?.contract?.actions;
  const errors = result.error.issues.slice(0, 100).map((issue) => ({
    path: issue.path.map(String).join("."),
    message: `${describeImportPath(issue.path, fiches)} : ${issue.message}`,
  }));
  const more = result.error.issues.length > 100 ? ` (les 100 premières sont listées)` : "";
  throw invalid(errors, `Le fichier n'a pas été importé : ${result.error.issues.length} erreur(s)${more}. Rien n'a été enregistré.`);
}

/** The file's communes checked against the official reference, the names and populations it lacks filled: 400 for an unknown INSEE code. */
function referenceCommunesOf(doc: { contract: ContractBody }) {
  const { communes, errors } = communesFromReference(doc.contract.communes, "contract.communes");
  if (errors.length)
    throw invalid(
      errors.map((e) => ({ path: e.path, message: `${describeImportPath(e.path.split("."), undefined)} : ${e.message}` })),
      `Le fichier n'a pas été importé : ${errors.length} erreur(s). Rien n'a été enregistré.`,
    );
  return communes;
}

/** Creates a whole contract from a validated document, in one transaction; communes by INSEE code are named and counted from the official reference. */
export async function importContract(db: Db, actor: Actor, doc: ContractDocument | ContractDocumentV2, slugOverride?: string): Promise<string> {
  const c = { ...doc.contract, slug: slugOverride ?? doc.contract.slug, communes: referenceCommunesOf(doc) };
  return db.transaction(async (tx) => {
    if (await slugTaken(tx, c.slug))
      throw conflict(`Un contrat d'identifiant « ${c.slug} » existe déjà. Importez-le sous un autre identifiant ou dans une base vide.`);
    const [contract] = await tx
      .insert(contracts)
      .values({ slug: c.slug, name: c.name, localAuthority: c.localAuthority, startDate: c.startDate, endDate: c.endDate, status: c.status, summary: c.summary, population: c.population ?? null, keyDates: inDateOrder(c.keyDates ?? []) })
      .returning({ id: contracts.id });
    const contractId = contract!.id;
    const orgRows = c.organisations.length
      ? await tx.insert(organisations).values(c.organisations.map((o) => ({ ...o, contractId }))).returning({ id: organisations.id, name: organisations.name })
      : [];
    const orgId = new Map(orgRows.map((o) => [o.name, o.id]));
    const ref = (name: string) => orgId.get(name)!;
    await writeContractParts(
      tx,
      contractId,
      c,
      c.signatories.map(({ organisation, ...s }) => ({ ...s, organisationId: ref(organisation) })),
    );
    const axisIds = new Map<number, { id: string; objectives: Map<string, string> }>();
    for (const a of c.axes) {
      const [axis] = await tx.insert(axes).values({ contractId, number: a.number, title: a.title, description: a.description }).returning({ id: axes.id });
      const objectiveRows = a.objectives.length
        ? await tx
            .insert(objectives)
            .values(a.objectives.map((o, i) => ({ axisId: axis!.id, code: o.code, title: o.title, position: i + 1 })))
            .returning({ id: objectives.id, code: objectives.code })
        : [];
      axisIds.set(a.number, { id: axis!.id, objectives: new Map(objectiveRows.map((o) => [o.code, o.id])) });
    }
    const refs = new RefMap();
    const keys = ficheKeys(c.actions);
    const indicatorIds = new Map<string, string[]>();
    for (const [index, a] of c.actions.entries()) {
      const content = {
        ...a,
        lead: a.lead ? { ...a.lead, organisation: ref(a.lead.organisation) } : null,
        partners: a.partners.map((p) => ({ ...p, organisation: ref(p.organisation) })),
        indicators: a.indicators.map(({ id: _id, ...i }) => i),
      };
      const axis = axisIds.get(a.axis)!;
      const [row] = await tx
        .insert(actions)
        .values({
          ...actionColumns(content),
          contractId,
          axisId: axis.id,
          objectiveId: a.objective ? axis.objectives.get(a.objective)! : null,
          archivedAt: a.archived ? new Date() : null,
        })
        .returning({ id: actions.id });
      await writeActionChildren(tx, row!.id, content, true);
      refs.set(row!.id, keys[index]!);
      if (a.indicators.length)
        indicatorIds.set(row!.id, (await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.actionId, row!.id)).orderBy(asc(indicators.position))).map((i) => i.id));
    }
    if ("governance" in doc) {
      const axisId = new Map([...axisIds].map(([n, a]) => [n, a.id]));
      await importRunning({ tx, contractId, refs, orgId, axisId }, doc, indicatorIds);
    }
    // One entry for the whole import: the contract and how much it brought.
    const running = "governance" in doc ? `, ${doc.governance.meetings.length} réunion(s), ${doc.followUp.fiches.length} fiche(s) suivie(s), ${doc.reviews.quarterly.length} revue(s)` : "";
    const imported = `${c.axes.length} axe(s), ${c.actions.length} fiche(s), ${c.organisations.length} organisation(s)${running}`;
    await recordAudit(tx, actor, {
      contractId,
      objectType: "contract",
      objectId: contractId,
      objectLabel: c.name,
      operation: "create",
      changes: [{ field: "import", label: "Import (format cles.contract)", before: null, after: imported }],
    });
    return contractId;
  });
}

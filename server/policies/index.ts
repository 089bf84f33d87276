/**
 * Who may do what — the one place that decides. Every route asks `assertCan`
 * before acting, and every list query asks `readableContractIds` for its scope.
 *
 * | role                | scope                 | may                                                        |
 * |---------------------|-----------------------|------------------------------------------------------------|
 * | platform admin      | the instance          | everything, on every contract; the audit of everything;    |
 * |                     |                       | the accounts (« Comptes »: create, deactivate, ARS scopes) |
 * | coordinator         | one contract          | everything on that contract, its members                   |
 * | lead (pilote)       | fiches of a contract  | read the contract; edit the fiches they lead; add to the directory |
 * | partner / signatory | one contract          | read the contract                                          |
 * | ARS delegation      | a département, region | read and export every contract of its territory            |
 * |                     |                       | (never residents' personal data: only the coordination)    |
 * | anonymous           | —                     | published public pages only (no permission here)           |
 */
import { forbidden, notFound, unauthorized } from "../http/problem.js";
import type { MemberRole } from "../domain/roles.js";

export const PERMISSIONS = [
  "contract.list",
  "contract.create",
  "contract.import",
  "contract.read",
  "contract.export",
  "contract.update",
  "contract.publish",
  "contract.history",
  "members.manage",
  "governance.manage",
  "axis.manage",
  "organisation.manage",
  "organisation.add",
  "action.read",
  "action.create",
  "action.update",
  "action.archive",
  /** Write partner remarks on a fiche or a progress entry (every reader of the contract). */
  "comment.write",
  /** Remove anyone's remark (the coordination). */
  "comment.moderate",
  "audit.read",
  /** Draft, edit, publish and correct the quarterly reviews; prepare the evaluation (the coordination). */
  "review.manage",
  /** Answer the evaluation questionnaire (members of the contract, not the ARS that follows it from outside). */
  "evaluation.answer",
  /** See the residents' workshops of the contract: topics, sessions, counts, anonymous syntheses (every reader). */
  "participation.read",
  /** Organise them: series, call, tables, attendance, syntheses (the coordination). */
  "participation.manage",
  /** Read residents' personal data (registrations, their export and erasure): the coordination only, never the ARS or partners. */
  "residents.read",
  /** Name the communes' referents, read their contact details (personal data) and relay news to the communes: the coordination only, never the ARS or partners. */
  "referents.manage",
  /** Register a resident on their behalf, without reading anyone's registration (members of the contract). */
  "registration.add",
  /** Type in a survey answer a resident gave on paper (members of the contract), without reading the others. */
  "survey.enter",
  /** The accounts of the instance: create, deactivate, reactivate, reset links, ARS scopes and invitations (the platform admin only). */
  "users.manage",
  /** The regional referentials: ARS wording, PRS and its projects, regional plans (the platform admin only). */
  "referentials.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Membership {
  role: MemberRole;
  /** For a lead: the fiches they lead. */
  actionIds: ReadonlySet<string>;
}

export type Actor =
  | { kind: "anonymous" }
  /** The command line and the demo seed: trusted, not a person. */
  | { kind: "system"; name: string }
  | {
      kind: "user";
      id: string;
      name: string;
      email: string;
      isAdmin: boolean;
      memberships: ReadonlyMap<string, Membership>;
      /** For an ARS delegation: the contracts whose territory lies in its départements. */
      arsContractIds: ReadonlySet<string>;
      /** For an ARS delegation: the départements of its scopes (a region's, expanded). */
      arsDepartments: ReadonlySet<string>;
    };

export const ANONYMOUS: Actor = { kind: "anonymous" };
export const systemActor = (name: string): Actor => ({ kind: "system", name });

/** What a permission is asked about: a contract, and for fiche permissions the fiche. */
export interface Scope {
  contractId: string;
  actionId?: string;
  /**
   * The 404 detail when the actor may not read the contract: the same words as
   * for an object that does not exist, so that nothing tells one from the other.
   */
  missing?: string;
}

const INSTANCE_PERMISSIONS: ReadonlySet<Permission> = new Set(["contract.list", "contract.create", "contract.import", "audit.read", "users.manage", "referentials.manage"]);
const READER: ReadonlySet<Permission> = new Set(["contract.read", "contract.export", "action.read", "comment.write", "participation.read"]);
const ROLE_PERMISSIONS: Record<MemberRole, ReadonlySet<Permission>> = {
  coordinator: new Set(PERMISSIONS.filter((p) => !INSTANCE_PERMISSIONS.has(p))),
  lead: new Set([...READER, "organisation.add", "evaluation.answer", "registration.add", "survey.enter"]),
  partner: new Set([...READER, "evaluation.answer", "registration.add", "survey.enter"]),
};

function mayRead(actor: Actor, contractId: string): boolean {
  switch (actor.kind) {
    case "anonymous":
      return false;
    case "system":
      return true;
    case "user":
      return actor.isAdmin || actor.memberships.has(contractId) || actor.arsContractIds.has(contractId);
  }
}

export function can(actor: Actor, permission: Permission, scope?: Scope): boolean {
  if (actor.kind === "anonymous") return false;
  if (actor.kind === "system" || actor.isAdmin) return true;
  if (INSTANCE_PERMISSIONS.has(permission)) return permission === "contract.list";
  if (!scope) return false;
  const membership = actor.memberships.get(scope.contractId);
  if (membership) {
    if (ROLE_PERMISSIONS[membership.role].has(permission)) return true;
    // A lead edits the fiches they lead, and only those.
    return permission === "action.update" && membership.role === "lead" && !!scope.actionId && membership.actionIds.has(scope.actionId);
  }
  return actor.arsContractIds.has(scope.contractId) && READER.has(permission);
}

/**
 * Throws unless the actor may: 404 when the actor may not even read the
 * contract (its existence must not leak), 403 otherwise.
 */
export function assertCan(actor: Actor, permission: Permission, scope?: Scope): void {
  if (can(actor, permission, scope)) return;
  if (scope && !mayRead(actor, scope.contractId)) throw notFound(scope.missing ?? "Ce contrat est introuvable.");
  throw forbidden();
}

/**
 * The départements whose territory overview, comparison and exports (open data included) the
 * actor may read: every one for the platform admin and the system, its scope's for an ARS
 * delegation, none for anyone else (a coordinator reads a contract, not a territory).
 */
export function readableDepartments(actor: Actor): "all" | ReadonlySet<string> {
  if (actor.kind === "anonymous") return new Set();
  if (actor.kind === "system" || actor.isAdmin) return "all";
  return actor.arsDepartments;
}

/**
 * Throws unless the actor may read the overview of these départements (`"all"`: the whole
 * instance): 401 when signed out, 403 when one of them lies outside its scope or it has none.
 */
export function assertCanReadTerritory(actor: Actor, departments: readonly string[] | "all"): void {
  if (actor.kind === "anonymous") throw unauthorized();
  const readable = readableDepartments(actor);
  if (readable === "all") return;
  if (departments === "all" || !departments.length || departments.some((d) => !readable.has(d))) throw forbidden("Ce territoire est hors du périmètre de votre compte.");
}

/** An adjustment as far as merges go: the other fiche it names, and how far it went. */
export interface MergeState {
  targetActionId: string | null;
  status: "proposed" | "agreed" | "done";
}

/**
 * A merge changes two fiches: the one merged (it shows « Fusionnée ») and the one it goes
 * into (its history shows the other's). So an adjustment naming another fiche that went
 * beyond a proposal — agreed in committee, or done — is created, changed or removed only by
 * whoever may edit both fiches: the coordination, or the lead of both (issue 12). A proposal
 * changes nothing of the other fiche: whoever edits the fiche writes it, as any adjustment.
 * `states`: the adjustment before the write (none for a creation) and after it (none for a removal).
 */
export function canWriteAdjustment(actor: Actor, contractId: string, actionId: string, states: readonly MergeState[]): boolean {
  if (!can(actor, "action.update", { contractId, actionId })) return false;
  return states.every((s) => !s.targetActionId || s.status === "proposed" || can(actor, "action.update", { contractId, actionId: s.targetActionId }));
}

export const MERGE_FORBIDDEN =
  "Une fusion validée ou réalisée touche aussi l'autre fiche : seule la coordination du contrat, ou la personne qui pilote les deux fiches, peut l'enregistrer, la modifier ou la supprimer. Vous pouvez proposer la fusion.";

/** Throws unless `canWriteAdjustment` (404 or 403 as `assertCan` for the fiche itself; 403 for the other fiche). */
export function assertCanWriteAdjustment(actor: Actor, contractId: string, actionId: string, states: readonly MergeState[]): void {
  assertCan(actor, "action.update", { contractId, actionId });
  if (!canWriteAdjustment(actor, contractId, actionId, states)) throw forbidden(MERGE_FORBIDDEN);
}

/** A partner remark as far as rights go: its contract, its author, whether it was removed. */
export interface CommentFacts {
  contractId: string;
  authorId: string | null;
  deletedAt: Date | null;
}

/** Only its author corrects a remark, while it stands. */
export function canEditComment(actor: Actor, comment: CommentFacts): boolean {
  return actor.kind === "user" && comment.authorId === actor.id && !comment.deletedAt;
}

/** Its author or the coordination (`comment.moderate`) removes a remark that stands. */
export function canDeleteComment(actor: Actor, comment: CommentFacts): boolean {
  return !comment.deletedAt && (canEditComment(actor, comment) || can(actor, "comment.moderate", { contractId: comment.contractId }));
}

/** Who a job belongs to: a person (or a system actor in scripts); anonymous people have no jobs (401). */
export function jobOwner(actor: Actor): string {
  if (actor.kind === "user") return `user:${actor.id}`;
  if (actor.kind === "system") return `system:${actor.name}`;
  throw unauthorized();
}

/** Contracts a list query may return: "all", or the ids the actor may read. */
export function readableContractIds(actor: Actor): "all" | string[] {
  switch (actor.kind) {
    case "anonymous":
      return [];
    case "system":
      return "all";
    case "user":
      return actor.isAdmin ? "all" : [...new Set([...actor.memberships.keys(), ...actor.arsContractIds])];
  }
}

/** Who did it, for the history: the person's id and name, or the system's name. */
export function actorIdentity(actor: Actor): { id: string | null; name: string } {
  switch (actor.kind) {
    case "user":
      return { id: actor.id, name: actor.name };
    case "system":
      return { id: null, name: actor.name };
    case "anonymous":
      return { id: null, name: "Anonyme" };
  }
}

/** What the pages may offer on a contract: the server decides, the web only shows. */
export function contractPermissions(actor: Actor, contractId: string) {
  const may = (permission: Permission) => can(actor, permission, { contractId });
  return {
    update: may("contract.update"),
    manageStructure: may("axis.manage"),
    manageDirectory: may("organisation.manage"),
    addOrganisation: may("organisation.add"),
    createAction: may("action.create"),
    manageMembers: may("members.manage"),
    publish: may("contract.publish"),
    export: may("contract.export"),
    readHistory: may("contract.history"),
    manageGovernance: may("governance.manage"),
    comment: may("comment.write"),
    moderateComments: may("comment.moderate"),
    manageReviews: may("review.manage"),
    answerEvaluation: may("evaluation.answer"),
    manageReferents: may("referents.manage"),
  };
}

export function actionPermissions(actor: Actor, contractId: string, actionId: string) {
  return {
    update: can(actor, "action.update", { contractId, actionId }),
    archive: can(actor, "action.archive", { contractId, actionId }),
    readHistory: can(actor, "action.read", { contractId, actionId }),
  };
}

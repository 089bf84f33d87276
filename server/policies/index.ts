/**
 * Who may do what. Every route asks `assertCan` before acting, and every list
 * query asks `readableContractIds` for its scope; nothing else decides.
 *
 * Until accounts exist (issue 4), an instance has one actor: the local
 * coordinator who runs it, who may do everything on every contract. The
 * permission names and call sites are the ones the role table will use.
 */
import { forbidden } from "../http/problem.js";

export const PERMISSIONS = [
  "contract.list",
  "contract.create",
  "contract.read",
  "contract.update",
  "contract.export",
  "contract.import",
  "axis.manage",
  "action.read",
  "action.create",
  "action.update",
  "action.archive",
  "organisation.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type Actor = { kind: "local" };
export const LOCAL_ACTOR: Actor = { kind: "local" };

/** The contract a permission is asked about (absent for instance-wide permissions). */
export interface ContractScope {
  contractId: string;
}

export function can(actor: Actor, permission: Permission, _scope?: ContractScope): boolean {
  switch (actor.kind) {
    case "local":
      return PERMISSIONS.includes(permission);
  }
}

export function assertCan(actor: Actor, permission: Permission, scope?: ContractScope): void {
  if (!can(actor, permission, scope)) throw forbidden();
}

/** Contracts a list query may return: "all", or the ids the actor may read. */
export function readableContractIds(actor: Actor): "all" | string[] {
  switch (actor.kind) {
    case "local":
      return "all";
  }
}

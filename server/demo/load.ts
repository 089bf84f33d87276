import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { contractDocument, FORMAT, FORMAT_VERSION, type ContractDocument } from "../features/transfer/format.js";

const dataDir = join(dirname(fileURLToPath(import.meta.url)), "data");

/** The demo contracts, one folder each under data/. */
export const DEMO_CONTRACTS = ["capvm", "camvs"] as const;

type Part = { organisations?: unknown[]; actions?: unknown[] } & Record<string, unknown>;

/**
 * Assembles a demo contract from its folder: contract.json holds the contract
 * (without actions), each actions-*.json a slice of its fiches with the
 * organisations they name. Organisations are merged by exact name.
 */
export function demoDocumentSource(name: string): unknown {
  const dir = join(dataDir, name);
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Part;
  const contract = read("contract.json");
  const organisations = new Map<string, unknown>();
  const add = (list: unknown[] | undefined) => {
    for (const o of list ?? []) {
      const key = (o as { name: string }).name;
      if (!organisations.has(key)) organisations.set(key, o);
    }
  };
  add(contract.organisations);
  const actions: unknown[] = [...(contract.actions ?? [])];
  for (const file of readdirSync(dir).filter((f) => /^actions-.*\.json$/.test(f)).sort()) {
    const part = read(file);
    add(part.organisations);
    actions.push(...(part.actions ?? []));
  }
  actions.sort((a, b) => (a as { number: number }).number - (b as { number: number }).number);
  return { format: FORMAT, version: FORMAT_VERSION, contract: { ...contract, organisations: [...organisations.values()], actions } };
}

export function demoDocument(name: string): ContractDocument {
  return contractDocument.parse(demoDocumentSource(name));
}

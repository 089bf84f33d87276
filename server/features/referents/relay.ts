/**
 * The relay to the communes (issue 18, item 2): a published review or a piece of news sent by
 * e-mail to the referents of every commune that have an address, recorded per commune (when,
 * to how many addresses, whether the mail server refused one). A refused mail never fails
 * what triggered the relay: it is logged and recorded as failed.
 */
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { communeReferents, communeRelays, communes, contracts } from "../../db/schema.js";
import type { Mailer, MailMessage } from "../../mail/mailer.js";
import { actorIdentity, type Actor } from "../../policies/index.js";
import { recordAudit } from "../../audit/record.js";
import { notFound } from "../../http/problem.js";
import { contractCommunes, loadDirectory } from "./directory.js";

export interface RelayDeps {
  mailer: Mailer;
  log: (err: unknown) => void;
}

export interface RelayMessage {
  subject: string;
  reviewId?: string;
  reviewNumber?: number;
  /** The mail to one address, for the communes that address is the referent of (« Melun et Vaux-le-Pénil »). */
  mail: (to: string, contractName: string, communes: string) => MailMessage;
}

const communeList = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(", ")} et ${names.at(-1)}` : (names[0] ?? ""));

/**
 * Sends the message to the referents of every commune; one mail per address (a person referent
 * of two communes gets one). Records one row per commune reached; the communes without any
 * address are answered as not reached.
 */
export async function relayToCommunes(db: Db, deps: RelayDeps, actor: Actor, contractId: string, message: RelayMessage, options: { audit: boolean } = { audit: true }) {
  const [[contract], list, rows, directory] = await Promise.all([
    db.select({ name: contracts.name }).from(contracts).where(eq(contracts.id, contractId)),
    contractCommunes(db, contractId),
    db.select().from(communeReferents).where(eq(communeReferents.contractId, contractId)),
    loadDirectory(db, contractId),
  ]);
  if (!contract) throw notFound("Ce contrat est introuvable.");
  const addressesOf = new Map<string, Set<string>>();
  for (const r of rows) {
    const email = (r.email || (r.userId ? directory.users.get(r.userId)?.email : "") || "").toLowerCase();
    if (!email) continue;
    addressesOf.set(r.communeId, (addressesOf.get(r.communeId) ?? new Set()).add(email));
  }
  const byAddress = new Map<string, string[]>();
  for (const c of list) for (const email of addressesOf.get(c.id) ?? []) byAddress.set(email, [...(byAddress.get(email) ?? []), c.name]);
  const refused = new Set<string>();
  for (const [email, names] of byAddress) {
    await deps.mailer.send(message.mail(email, contract.name, communeList(names))).catch((err: unknown) => {
      refused.add(email);
      deps.log(err);
    });
  }
  const sentAt = new Date();
  const reached = list.filter((c) => addressesOf.has(c.id));
  const sentByName = actorIdentity(actor).name;
  const values = reached.map((c) => {
    const addresses = [...addressesOf.get(c.id)!];
    return { contractId, communeId: c.id, reviewId: message.reviewId ?? null, reviewNumber: message.reviewNumber ?? null, subject: message.subject, sentAt, recipients: addresses.length, failed: addresses.some((a) => refused.has(a)), sentByName };
  });
  await db.transaction(async (tx) => {
    if (values.length) await tx.insert(communeRelays).values(values);
    if (options.audit) await recordAudit(tx, actor, { contractId, objectType: "commune_relay", objectId: contractId, objectLabel: message.subject, operation: "create", changes: [] });
  });
  const names = new Map(list.map((c) => [c.id, c.name]));
  return {
    sentAt,
    subject: message.subject,
    communes: values.map((v) => ({ communeId: v.communeId, name: names.get(v.communeId) ?? "", recipients: v.recipients, failed: v.failed })),
    unreached: list.filter((c) => !addressesOf.has(c.id)).map((c) => ({ communeId: c.id, name: c.name })),
  };
}

/** The relays sent, newest first, grouped by sending; and each commune's last one. */
export async function listRelays(db: Db, contractId: string) {
  const rows = await db
    .select({ communeId: communeRelays.communeId, name: communes.name, subject: communeRelays.subject, reviewId: communeRelays.reviewId, reviewNumber: communeRelays.reviewNumber, sentAt: communeRelays.sentAt, recipients: communeRelays.recipients, failed: communeRelays.failed, sentByName: communeRelays.sentByName })
    .from(communeRelays)
    .innerJoin(communes, eq(communes.id, communeRelays.communeId))
    .where(eq(communeRelays.contractId, contractId))
    .orderBy(desc(communeRelays.sentAt), communes.position)
    .limit(1000);
  const batches = new Map<string, { sentAt: Date; subject: string; reviewId: string | null; reviewNumber: number | null; sentByName: string; communes: { communeId: string; name: string; recipients: number; failed: boolean }[] }>();
  const lastByCommune = new Map<string, { sentAt: Date; subject: string; failed: boolean }>();
  for (const r of rows) {
    const key = `${r.sentAt.toISOString()}|${r.subject}`;
    const batch = batches.get(key) ?? { sentAt: r.sentAt, subject: r.subject, reviewId: r.reviewId, reviewNumber: r.reviewNumber, sentByName: r.sentByName, communes: [] };
    batch.communes.push({ communeId: r.communeId, name: r.name, recipients: r.recipients, failed: r.failed });
    batches.set(key, batch);
    if (!lastByCommune.has(r.communeId)) lastByCommune.set(r.communeId, { sentAt: r.sentAt, subject: r.subject, failed: r.failed });
  }
  return { batches: [...batches.values()].slice(0, 50), lastByCommune };
}

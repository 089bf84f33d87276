/**
 * A published review relayed to the communes' referents (issue 18, item 2). Referents need no
 * account: the link is the review's on the contract's public page when the contract publishes
 * its reviews there, otherwise a read-only link that opens this review's last published
 * version and nothing else of the contract (only its SHA-256 is kept). Nothing here fails a
 * publication: a mail refused is recorded as failed, any other trouble is logged.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { contracts, quarterlyReviews, reviewLinks, reviewSettings } from "../../db/schema.js";
import type { Mailer } from "../../mail/mailer.js";
import { reviewRelayedMail } from "../../mail/relay-mail.js";
import type { Actor } from "../../policies/index.js";
import { relayToCommunes } from "../referents/relay.js";

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** The link a referent without an account follows: public when the contract's reviews are, else a token for this review alone. */
async function readerLink(db: Db, publicUrl: string, contractId: string, reviewId: string): Promise<string> {
  const [row] = await db
    .select({ slug: contracts.slug, published: contracts.published, publishReviews: reviewSettings.publishReviews })
    .from(contracts)
    .leftJoin(reviewSettings, eq(reviewSettings.contractId, contracts.id))
    .where(eq(contracts.id, contractId));
  if (row?.published && row.publishReviews) return `${publicUrl}/api/public/contracts/${row.slug}/reviews/${reviewId}.html`;
  const token = randomBytes(32).toString("base64url");
  await db.insert(reviewLinks).values({ reviewId, tokenHash: hashOf(token) });
  return `${publicUrl}/api/review-links/${token}`;
}

export async function relayPublishedReview(
  db: Db,
  deps: { mailer: Mailer; publicUrl: string; log: (err: unknown) => void },
  actor: Actor,
  review: { id: string; contractId: string; label: string; number: number; publishedBy: string },
): Promise<void> {
  try {
    const link = await readerLink(db, deps.publicUrl, review.contractId, review.id);
    const subject = `Revue trimestrielle du ${review.label}${review.number > 1 ? ` (version ${review.number})` : ""}`;
    await relayToCommunes(
      db,
      deps,
      actor,
      review.contractId,
      { subject, reviewId: review.id, reviewNumber: review.number, mail: (to, contractName, communes) => reviewRelayedMail({ to, contractName, communes, label: review.label, number: review.number, link, publishedBy: review.publishedBy }) },
      { audit: false },
    );
  } catch (err) {
    deps.log(err);
  }
}

/** The review a read-only link opens, with its last published version; null when the token is unknown or the review unpublished. */
export async function reviewOfLink(db: Db, token: string): Promise<{ reviewId: string; number: number } | null> {
  const [row] = await db
    .select({ reviewId: quarterlyReviews.id, number: quarterlyReviews.publishedNumber })
    .from(reviewLinks)
    .innerJoin(quarterlyReviews, eq(quarterlyReviews.id, reviewLinks.reviewId))
    .where(and(eq(reviewLinks.tokenHash, hashOf(token)), gt(quarterlyReviews.publishedNumber, 0)));
  return row ?? null;
}

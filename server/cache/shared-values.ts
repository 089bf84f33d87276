/**
 * Answers shared by many requests (the read views, and their variants per kind of reader)
 * are never changed once made: they are marked here, so that the response serializer
 * writes each one once and sends the same JSON to every request that returns it.
 */

const shared = new WeakSet<object>();
const sharedBytes = new WeakSet<Buffer>();
const variants = new WeakMap<object, Map<string, object>>();

/** Marks `value` as shared and never changed again; gives it back. */
export function share<T>(value: T): T {
  if (value !== null && typeof value === "object") shared.add(value);
  return value;
}

export const isShared = (value: unknown): value is object => value !== null && typeof value === "object" && shared.has(value);

/** Marks the written bytes of a shared answer, sent again to every request that returns it (and compressed once: server/http/delivery.ts). */
export function shareBytes(bytes: Buffer): Buffer {
  sharedBytes.add(bytes);
  return bytes;
}

export const isSharedBytes = (value: unknown): value is Buffer => Buffer.isBuffer(value) && sharedBytes.has(value);

/**
 * The variant `key` of a shared value (for example the contract with one reader's
 * permissions): made once by `make`, then the same shared object for every request
 * that asks for the same variant of the same value. Gone with the value.
 */
export function variantOf<T extends object>(base: object, key: string, make: () => T): T {
  let own = variants.get(base);
  if (!own) variants.set(base, (own = new Map()));
  const hit = own.get(key);
  if (hit) return hit as T;
  const made = share(make());
  own.set(key, made);
  return made;
}

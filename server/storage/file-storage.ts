/**
 * The storage interface and its key rule, shared by every backend (storage.ts: disk; s3.ts:
 * S3-compatible). The app only knows this interface.
 */

export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The file's bytes, or null when it is missing. */
  get(key: string): Promise<Buffer | null>;
  /** Removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are made by the app (uuid-based); anything else is refused rather than resolved outside the folder or bucket prefix. */
export const SAFE_KEY = /^[a-z0-9][a-z0-9/-]{0,200}$/;

/** The key itself, or an error (in French) when it is not one the app makes. */
export function checkedKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Clé de fichier invalide : ${key}`);
  return key;
}

/**
 * Where attachment files live. The app only knows this interface: a disk folder
 * by default (DATA_DIR/files); an S3-compatible store (keys as object names,
 * put/get/delete as PutObject/GetObject/DeleteObject) can implement it later
 * without touching the features.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The file's bytes, or null when it is missing. */
  get(key: string): Promise<Buffer | null>;
  /** Removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are made by the app (uuid-based); anything else is refused rather than resolved outside the folder. */
const SAFE_KEY = /^[a-z0-9][a-z0-9/-]{0,200}$/;

export function diskStorage(root: string): FileStorage {
  const base = resolve(root);
  const path = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Clé de fichier invalide : ${key}`);
    return join(base, key);
  };
  return {
    async put(key, bytes) {
      const file = path(key);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, bytes, { flag: "wx" });
    },
    async get(key) {
      try {
        return await readFile(path(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(path(key), { force: true });
    },
  };
}

/** DATA_DIR/files, beside the embedded database and the outbox. */
export function storageFromEnv(env: NodeJS.ProcessEnv = process.env): FileStorage {
  return diskStorage(resolve(env.DATA_DIR ?? "data", "files"));
}

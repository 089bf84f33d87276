/**
 * Where attachment files live. The app only knows the FileStorage interface (file-storage.ts):
 * a disk folder by default (DATA_DIR/files), an S3-compatible bucket when S3_URL is set (s3.ts).
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { checkedKey, type FileStorage } from "./file-storage.js";
import { parseS3Prefix, parseS3Url, s3Storage } from "./s3.js";

export type { FileStorage } from "./file-storage.js";

export function diskStorage(root: string): FileStorage {
  const base = resolve(root);
  const path = (key: string) => join(base, checkedKey(key));
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

/** The bucket of S3_URL (keys under S3_PREFIX) when it is set, else DATA_DIR/files, beside the embedded database and the outbox. */
export function storageFromEnv(env: NodeJS.ProcessEnv = process.env): FileStorage {
  if (env.S3_URL?.trim()) return s3Storage({ ...parseS3Url(env.S3_URL), prefix: parseS3Prefix(env.S3_PREFIX) });
  return diskStorage(resolve(env.DATA_DIR ?? "data", "files"));
}

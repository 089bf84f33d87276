/**
 * Test helpers for office files: LibreOffice headless converts a DOCX/PPTX/XLSX/ODT… to PDF
 * (proof that the file opens), and pdftotext reads a PDF back as text.
 *
 * Each test process uses its own LibreOffice profile (so parallel test files do not clash on
 * the profile lock) and runs one conversion at a time (one soffice per profile).
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export type OfficeExtension = "docx" | "pptx" | "xlsx" | "odt" | "ods" | "odp" | "doc" | "xls" | "ppt" | "rtf" | "html" | "csv";

const CONVERT_TIMEOUT_MS = 90_000;

let profileDir: string | null = null;
let queue: Promise<unknown> = Promise.resolve();

async function profile(): Promise<string> {
  if (profileDir === null) {
    profileDir = await mkdtemp(join(tmpdir(), "cles-soffice-profile-"));
    const dir = profileDir;
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return profileDir;
}

function run(command: string, args: string[], timeout: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      const reason = error && error.killed ? `\n(killed after ${timeout} ms)` : error && typeof error.code !== "number" ? `\n${error.message}` : "";
      resolve({ code, output: `${stdout}${stderr}${reason}` });
    });
  });
}

async function convertOnce(file: Buffer, ext: string, freshProfile: boolean): Promise<Buffer> {
  const work = await mkdtemp(join(tmpdir(), "cles-soffice-"));
  let userProfile = await profile();
  if (freshProfile) {
    userProfile = join(work, "profile");
    await mkdir(userProfile);
  }
  try {
    const input = join(work, `document.${ext}`);
    const outdir = join(work, "out");
    await mkdir(outdir);
    await writeFile(input, file);
    const { code, output } = await run(
      "soffice",
      [`-env:UserInstallation=${pathToFileURL(userProfile).href}`, "--headless", "--norestore", "--nologo", "--nolockcheck", "--convert-to", "pdf", "--outdir", outdir, input],
      CONVERT_TIMEOUT_MS,
    );
    const pdfPath = join(outdir, "document.pdf");
    if (!existsSync(pdfPath)) {
      const produced = await readdir(outdir).catch(() => []);
      throw new Error(`LibreOffice did not convert the .${ext} file to PDF (exit code ${code}; files: ${produced.join(", ") || "none"}):\n${output.trim()}`);
    }
    const pdf = await readFile(pdfPath);
    if (pdf.length === 0 || !pdf.subarray(0, 5).equals(Buffer.from("%PDF-"))) {
      throw new Error(`LibreOffice produced an empty or invalid PDF from the .${ext} file:\n${output.trim()}`);
    }
    return pdf;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Converts an office file to PDF with LibreOffice headless (≈3-10 s, up to 90 s), throwing with
 * LibreOffice's output when no PDF appears. Retries once with a fresh profile (unless LibreOffice
 * could not load the file), as a first start on a new profile sometimes exits without converting.
 */
export function convertToPdf(file: Buffer | Uint8Array, ext: OfficeExtension): Promise<Buffer> {
  const buffer = Buffer.isBuffer(file) ? file : Buffer.from(file);
  const job = queue.then(async () => {
    try {
      return await convertOnce(buffer, ext, false);
    } catch (error) {
      // A file LibreOffice cannot read fails again with any profile.
      if (error instanceof Error && /could not be loaded/.test(error.message)) throw error;
      return convertOnce(buffer, ext, true);
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

/** The PDF's text laid out as on the page (`pdftotext -layout`), pages separated by form feeds (\f). */
export function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new Error(`pdftotext failed (exit code ${code}): ${Buffer.concat(err).toString("utf8").trim()}`));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(Buffer.from(pdf));
  });
}

/** The pages of a PDF's text (pdftotext separates pages with form feeds). */
export function pdfPages(text: string): string[] {
  const pages = text.split("\f");
  if (pages.length > 1 && pages[pages.length - 1]!.trim() === "") pages.pop();
  return pages;
}

import { existsSync } from "node:fs";
import { join } from "node:path";
import closeWithGrace from "close-with-grace";
import { buildApp, DEFAULT_WEB_DIR } from "../server/app.js";
import { databaseOptionsFromEnv, loggerOptions, portFromEnv } from "../server/config.js";
import { openDatabase } from "../server/db/client.js";
import { purgeExpired } from "../server/auth/housekeeping.js";
import { demoContractIds, seedDemo } from "../server/demo/seed.js";
import { parisDay } from "../server/domain/dates.js";
import { sendReviewReminders } from "../server/features/reviews/reminders.js";
import { sendMilestoneReminders } from "../server/features/todo/milestone-reminders.js";
import { purgeExpiredRegistrations } from "../server/features/participation/registrations.js";
import { purgeExpiredSurveyContacts } from "../server/features/surveys/answers.js";
import { purgeExpiredAmbassadors } from "../server/features/ambassadors/erasure.js";

/**
 * Every hour (and at start), on one process of all those sharing the database: the reminders
 * before each quarterly review go once per lead and quarter; residents' data past its
 * retention is erased; documents prepared more than 15 minutes ago are forgotten.
 */
const HOUSEKEEPING = "housekeeping";
const HOUSEKEEPING_CRON = "5 * * * *";

/** Builds the web app when no build is there (a fresh clone whose install did not build it). */
async function ensureWebBuild(log: (msg: string) => void): Promise<void> {
  if (existsSync(join(DEFAULT_WEB_DIR, "index.html"))) return;
  log("Construction de l'application web (première fois)…");
  const { build } = await import("vite");
  await build({ logLevel: "warn" });
}

export async function serveCommand(options: { seed?: boolean; devOutbox?: boolean }): Promise<void> {
  const port = portFromEnv();
  const database = await openDatabase(databaseOptionsFromEnv());
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    // Migrated first: the app reads its session secret from the database.
    await database.migrate();
    await purgeExpired(database.db);
    app = await buildApp({ database, logger: loggerOptions(), devOutbox: options.devOutbox });
    if (options.devOutbox && !app.devOutbox) app.log.warn("--dev-outbox ignored: SMTP_URL, NODE_ENV=production or a PUBLIC_URL other than this machine");
    await ensureWebBuild((msg) => app.log.info(msg));
    if (options.seed) {
      const { seeded } = await seedDemo(database.db);
      if (seeded.length) app.log.info({ seeded }, "demo contracts and accounts loaded");
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const remind = () =>
    Promise.all([
      sendReviewReminders(database.db, app.mailer, app.publicUrl, parisDay(), (err) => app.log.error({ err }, "review reminder not sent"))
        .then(({ sent }) => sent && app.log.info({ sent }, "review reminders sent"))
        .catch((err: unknown) => app.log.error({ err }, "review reminders failed")),
      sendMilestoneReminders(database.db, app.mailer, app.publicUrl, parisDay(), (err) => app.log.error({ err }, "milestone reminder not sent"))
        .then(({ sent }) => sent && app.log.info({ sent }, "milestone reminders sent"))
        .catch((err: unknown) => app.log.error({ err }, "milestone reminders failed")),
    ]);
  // With the demonstration loaded, its fictitious residents (workshops of 2021) stay.
  const spareContractIds = options.seed ? await demoContractIds(database.db) : [];
  // Residents' personal data past its retention: registrations, survey respondents' e-mails, former ambassadors.
  const purges = { registrations: purgeExpiredRegistrations, surveyContacts: purgeExpiredSurveyContacts, ambassadors: purgeExpiredAmbassadors };
  const purge = () =>
    Promise.all(
      Object.entries(purges).map(([kind, run]) =>
        run(database.db, new Date(), { spareContractIds })
          .then((erased) => erased && app.log.info({ kind, erased }, "residents' data past its retention erased"))
          .catch((err: unknown) => app.log.error({ err, kind }, "residents' data purge failed")),
      ),
    );
  const forgetDocuments = () =>
    app.jobs
      .purge()
      .then((forgotten) => forgotten && app.log.info({ forgotten }, "prepared documents forgotten"))
      .catch((err: unknown) => app.log.error({ err }, "prepared documents purge failed"));
  await app.queue.schedule(HOUSEKEEPING, HOUSEKEEPING_CRON, async () => {
    await Promise.all([remind(), purge(), forgetDocuments()]);
  });
  // Documents asked of a process that stopped are taken up now.
  await app.jobs.listen();
  await app.queue.start();
  // SIGTERM/SIGINT: stop accepting, let running requests finish, then close the database.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, "fatal error, shutting down");
    else app.log.info({ signal }, "shutting down");
    await app.close();
    await database.close();
  });
  await app.listen({ port, host: process.env.HOST ?? "::" });
  // Once at start too, unless another process did it in the last ten minutes.
  await app.queue.send(HOUSEKEEPING, {}, { singletonKey: "start", singletonSeconds: 600 }).catch((err: unknown) => app.log.warn({ err }, "housekeeping not queued"));
  app.log.info(`Clés est servi sur http://localhost:${port} (base ${database.engine} : ${database.location})`);
}

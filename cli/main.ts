#!/usr/bin/env -S npx tsx
import { Command, CommanderError, Help } from "commander";
import { backupCommand, restoreCommand } from "./backup.js";
import { createAdminCommand, exportCommand, importCommand, migrateCommand, remindCommand, schemaCommand, seedCommand } from "./commands.js";
import { serveCommand } from "./serve.js";
import { tablesCommand } from "./tables.js";
import { collect, createUserCommand } from "./users.js";

const program = new Command()
  .name("cles")
  .description("Clés — la plateforme des Contrats Locaux de Santé.\nBase : PostgreSQL si DATABASE_URL est défini, sinon base embarquée dans DATA_DIR (./data par défaut).")
  .usage("[options] [commande]")
  .configureOutput({ outputError: (text, write) => write(frenchError(text)) })
  .helpOption("-h, --help", "afficher l'aide")
  .helpCommand("help [commande]", "afficher l'aide d'une commande")
  .exitOverride();

/** Commander's own error messages, in French. */
function frenchError(text: string): string {
  return text
    .replace(/^error: unknown command '(.*)'/, "erreur : commande inconnue « $1 » (voir cles --help)")
    .replace(/^error: unknown option '(.*)'/, "erreur : option inconnue « $1 »")
    .replace(/^error: missing required argument '(.*)'/, "erreur : argument obligatoire manquant « $1 »")
    .replace(/^error: too many arguments.*/, "erreur : trop d'arguments")
    .replace(/^error:/, "erreur :");
}

/** Commander's help in French: its headings are not translatable otherwise. */
const frenchHelp = {
  formatHelp: (cmd: Command, helper: Help) =>
    Help.prototype.formatHelp
      .call(helper, cmd, helper)
      .replace(/^Usage:/, "Utilisation :")
      .replace(/^Arguments:$/m, "Arguments :")
      .replace(/^Options:$/m, "Options :")
      .replace(/^Commands:$/m, "Commandes :")
      .replace(/\(default: ([^)]*)\)/g, "(par défaut : $1)"),
};
program.configureHelp(frenchHelp);

program
  .command("serve")
  .description("Démarrer le serveur web (PORT, 3000 par défaut), après avoir migré la base")
  .option("--seed", "charger les contrats de démonstration si la base est vide")
  .option("--dev-outbox", "démonstration locale : montrer les courriels (sans SMTP) sur /dev/courriels, à cette machine seulement")
  .action(serveCommand);
program.command("migrate").description("Appliquer les migrations à la base").action(migrateCommand);
program
  .command("seed")
  .description("Charger les contrats de démonstration (CAPVM et CAMVS) si la base ne contient aucun contrat")
  .action(seedCommand);
program
  .command("export")
  .description("Exporter un contrat entier et sa vie (gouvernance, suivi, revues) au format JSON cles.contract v2")
  .argument("<contrat>", "identifiant (ex. capvm-2019-2022) ou id du contrat")
  .argument("[fichier]", "fichier de sortie (sortie standard par défaut)")
  .option("--residents", "ajouter les données personnelles des habitants (noms, inscriptions aux ateliers) : jamais par défaut")
  .action(exportCommand);
program
  .command("import")
  .description("Importer un contrat depuis un fichier JSON cles.contract (v2 ou v1) ; rien n'est écrit si le fichier est invalide")
  .argument("<fichier>", "fichier JSON à importer")
  .option("--slug <identifiant>", "importer sous un autre identifiant")
  .action(importCommand);
program
  .command("backup")
  .description("Sauvegarder toute l'instance (chaque table de la base, historique compris, et les fichiers joints) dans une archive .tar.gz avec sa somme de contrôle")
  .argument("<fichier>", "archive à écrire (jamais écrasée)")
  .action(backupCommand);
program
  .command("restore")
  .description("Restaurer une sauvegarde dans une base vide (ou un dossier de données neuf) ; rien n'est écrit si l'archive est abîmée ou la base non vide")
  .argument("<fichier>", "archive écrite par cles backup")
  .action(restoreCommand);
program
  .command("create-admin")
  .description("Créer un compte d'administrateur de la plateforme (mot de passe : variable CLES_PASSWORD ou entrée standard)")
  .requiredOption("--email <adresse>", "adresse e-mail de connexion")
  .requiredOption("--name <nom>", "nom affiché")
  .action(createAdminCommand);
program
  .command("create-user")
  .description("Créer un compte (administrateur, délégation ARS ou coordination d'un contrat) et afficher le lien, à usage unique, pour choisir son mot de passe (ou le prendre dans CLES_PASSWORD)")
  .requiredOption("--email <adresse>", "adresse e-mail de connexion")
  .requiredOption("--name <nom>", "nom affiché")
  .requiredOption("--role <rôle>", "admin, ars ou coordinator")
  .option("--departement <code>", "délégation ARS : département suivi (code INSEE, ex. 21 ; répétable)", collect)
  .option("--region <code>", "délégation ARS : région suivie (code INSEE, ex. 27 ; répétable)", collect)
  .option("--contract <identifiant>", "coordination : identifiant (ex. capvm-2019-2022) ou id du contrat")
  .action(createUserCommand);
program
  .command("remind")
  .description("Envoyer les rappels dus avant la revue trimestrielle (deux semaines avant la fin du trimestre, une fois par pilote)")
  .option("--date <AAAA-MM-JJ>", "jour à considérer (aujourd'hui par défaut)")
  .action(remindCommand);
program
  .command("schema")
  .description("Écrire le schéma JSON du format d'échange (sans argument : les versions 1 et 2 dans docs/)")
  .argument("[fichier]", "fichier de sortie (par défaut : docs/contract-format.schema.json pour la v1, docs/contract-format-v2.schema.json pour la v2)")
  .option("--version <1|2>", "version du format (2 quand un fichier est donné)")
  .action(schemaCommand);
program
  .command("tables")
  .description("Composer les tables d'un atelier World Café depuis un CSV d'inscrits (en-tête id,gender,ageBand,commune,qpv,category,household) ; écrit le JSON {\"tables\": [[id, …], …], \"score\": nombre}")
  .argument("<fichier>", "fichier CSV des inscrits")
  .option("--size <n>", "nombre maximal de personnes par table (obligatoire)")
  .option("--tables <n>", "nombre de tables (par défaut : le moins possible)")
  .option("--seed <n>", "graine des choix pseudo-aléatoires (par défaut : 1)")
  .action(tablesCommand);

for (const command of program.commands) command.helpOption("-h, --help", "afficher l'aide").configureHelp(frenchHelp).exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  console.error(`Erreur : ${(error as Error).message}`);
  process.exit(1);
}

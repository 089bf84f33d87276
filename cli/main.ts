#!/usr/bin/env -S npx tsx
import { Command, CommanderError } from "commander";
import { exportCommand, importCommand, migrateCommand, schemaCommand, seedCommand } from "./commands.js";
import { serveCommand } from "./serve.js";

const program = new Command()
  .name("cles")
  .description("Clés — la plateforme des Contrats Locaux de Santé.\nBase : PostgreSQL si DATABASE_URL est défini, sinon base embarquée dans DATA_DIR (./data par défaut).")
  .configureOutput({ outputError: (text, write) => write(text.replace(/^error:/, "erreur :")) })
  .helpOption("-h, --help", "afficher l'aide")
  .helpCommand("help [commande]", "afficher l'aide d'une commande")
  .exitOverride();

program
  .command("serve")
  .description("Démarrer le serveur web (PORT, 3000 par défaut), après avoir migré la base")
  .option("--seed", "charger les contrats de démonstration si la base est vide")
  .action(serveCommand);
program.command("migrate").description("Appliquer les migrations à la base").action(migrateCommand);
program
  .command("seed")
  .description("Charger les contrats de démonstration (CAPVM et CAMVS) si la base ne contient aucun contrat")
  .action(seedCommand);
program
  .command("export")
  .description("Exporter un contrat entier au format JSON cles.contract v1")
  .argument("<contrat>", "identifiant (ex. capvm-2019-2022) ou id du contrat")
  .argument("[fichier]", "fichier de sortie (sortie standard par défaut)")
  .action(exportCommand);
program
  .command("import")
  .description("Importer un contrat depuis un fichier JSON cles.contract v1 ; rien n'est écrit si le fichier est invalide")
  .argument("<fichier>", "fichier JSON à importer")
  .option("--slug <identifiant>", "importer sous un autre identifiant")
  .action(importCommand);
program
  .command("schema")
  .description("Écrire le schéma JSON du format d'échange")
  .argument("[fichier]", "fichier de sortie", "docs/contract-format.schema.json")
  .action(schemaCommand);

for (const command of program.commands) command.helpOption("-h, --help", "afficher l'aide").exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  console.error(`Erreur : ${(error as Error).message}`);
  process.exit(1);
}

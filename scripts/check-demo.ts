/** Validates the demo data files against the exchange format and prints French errors. */
import { contractDocument } from "../server/features/transfer/format.js";
import { demoDocumentSource, DEMO_CONTRACTS } from "../server/demo/load.js";

let failed = false;
for (const name of process.argv.slice(2).length ? process.argv.slice(2) : DEMO_CONTRACTS) {
  try {
    const result = contractDocument.safeParse(demoDocumentSource(name));
    if (result.success) {
      const c = result.data.contract;
      console.log(`${name}: OK — ${c.actions.length} fiches, ${c.organisations.length} organisations, ${c.axes.length} axes, ${c.communes.length} communes`);
    } else {
      failed = true;
      for (const issue of result.error.issues) console.log(`${name}: ${issue.path.join(".")} — ${issue.message}`);
    }
  } catch (e) {
    failed = true;
    console.log(`${name}: ${(e as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);

// Prints the extractor's field-level figures on every fixture:
//   npx tsx functions/deal-scoring/test/ai/extractor-report.ts [--misses]
// Misses are printed for the tuning part and the old fixtures only: the held-out part is measured,
// never read case by case.
import { extract } from '../../src/ai/extractor';
import { evaluate, table } from './extraction-eval';
import { INTAKE_CATALOG, INTAKE_HELDOUT, INTAKE_TUNING } from './fixtures/intake';
import { PARTNER_EMAILS } from './fixtures/partner-emails';
import { HOLDOUT_EMAILS } from './fixtures/partner-emails-holdout';

const misses = process.argv.includes('--misses');
const withCatalog = (c: { text: string; receivedAt: string }) =>
  extract(c.text, c.receivedAt, { catalog: INTAKE_CATALOG });
const plain = (c: { text: string; receivedAt: string }) => extract(c.text, c.receivedAt);

console.log(table(`Intake tuning (${INTAKE_TUNING.length})`, evaluate(INTAKE_TUNING, withCatalog), misses));
console.log(
  table(`Intake held-out (${INTAKE_HELDOUT.length})`, evaluate(INTAKE_HELDOUT, withCatalog), false)
);
console.log(table(`Old fixture (${PARTNER_EMAILS.length})`, evaluate(PARTNER_EMAILS, plain), misses));
console.log(table(`Old held-out (${HOLDOUT_EMAILS.length})`, evaluate(HOLDOUT_EMAILS, plain), misses));

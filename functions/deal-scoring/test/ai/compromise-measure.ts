// Measurement behind a design decision (run: npx tsx functions/deal-scoring/test/ai/compromise-measure.ts):
// would compromise's people and organisation finder help the extractor as a fallback where it
// has no customer or contact name? Counted on the tuning third only; see docs/ai-assist.md.
import nlp from 'compromise';
import { extract } from '../../src/ai/extractor';
import { fieldMatches } from './field-match';
import { INTAKE_CATALOG, INTAKE_TUNING } from './fixtures/intake';

const tally = { customer: { right: 0, wrong: 0, none: 0 }, contact: { right: 0, wrong: 0, none: 0 } };
for (const c of INTAKE_TUNING) {
  const { fields } = extract(c.text, c.receivedAt, { catalog: INTAKE_CATALOG });
  const doc = nlp(c.text);
  const fallbacks = [
    ['customer', 'customerName', fields.customerName, doc.organizations().out('array') as string[]],
    ['contact', 'contactName', fields.contactName, doc.people().out('array') as string[]]
  ] as const;
  for (const [key, field, have, found] of fallbacks) {
    if (have !== undefined) continue;
    const first = found[0]?.replace(/[.,;:]+$/, '');
    const exp = c.expected[field];
    if (!first) tally[key].none++;
    else if (exp !== undefined && fieldMatches(field, exp, first)) tally[key].right++;
    else tally[key].wrong++;
  }
}
console.log(JSON.stringify(tally));

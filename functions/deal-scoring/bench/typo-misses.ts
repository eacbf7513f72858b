/** Dev tool: lists the pairs the matcher gets wrong (fixture and typo set) at the threshold. */
import { compareNames } from '../src/matching/names';
import { loadCompanyPairs, loadTypoPairs } from '../test/support/datasets';

const threshold = Number(process.argv[2] ?? 0.82);
for (const [label, pairs] of [
  ['fixture', loadCompanyPairs],
  ['typos', loadTypoPairs]
] as const) {
  let wrong = 0;
  let total = 0;
  for (const p of pairs()) {
    total++;
    const c = compareNames(p.a, p.b);
    if (c.similarity >= threshold !== p.match) {
      wrong++;
      console.log(
        `${label} ${p.match ? 'FN' : 'FP'} ${c.similarity.toFixed(3)} ${c.signal} | ${p.a} | ${p.b}`
      );
    }
  }
  console.log(`${label}: ${wrong} wrong of ${total}`);
}

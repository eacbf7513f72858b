// Accuracy of the onboarding assistant's built-in (extractive) answers on the labelled questions:
// an answerable question counts when the answer's source is one of its labelled entries, an
// unanswerable one when the assistant says it does not know.
//   npx tsx functions/deal-scoring/test/partner/assistant-eval.ts
import { builtinAnswer } from '../../src/partner/onboarding-answer';
import { guideArticles } from './guide';
import { HELD_OUT, TUNING, type LabelledQuestion } from './questions';

export interface EvalResult {
  accuracy: number;
  answerable: { correct: number; total: number };
  unanswerable: { correct: number; total: number };
  misses: string[];
}

export function evaluate(set: LabelledQuestion[]): EvalResult {
  const r: EvalResult = {
    accuracy: 0,
    answerable: { correct: 0, total: 0 },
    unanswerable: { correct: 0, total: 0 },
    misses: []
  };
  for (const item of set) {
    const a = builtinAnswer({
      question: item.q,
      partnerType: item.partnerType,
      articles: guideArticles(item.partnerType)
    });
    const bucket = item.answers.length > 0 ? r.answerable : r.unanswerable;
    bucket.total++;
    const ok = item.answers.length > 0 ? a.known && item.answers.includes(a.sources[0]?.id ?? '') : !a.known;
    if (ok) bucket.correct++;
    else r.misses.push(`${item.q} -> ${a.known ? a.sources[0]?.id : 'not known'}`);
  }
  r.accuracy = (r.answerable.correct + r.unanswerable.correct) / set.length;
  return r;
}

if (require.main === module) {
  for (const [name, set] of [
    ['tuning', TUNING],
    ['held-out', HELD_OUT]
  ] as const) {
    if (name === 'held-out' && !process.argv.includes('--held-out')) continue;
    const r = evaluate(set);
    console.log(
      `${name}: accuracy ${r.accuracy.toFixed(2)} (answerable ${r.answerable.correct}/${r.answerable.total}, not known ${r.unanswerable.correct}/${r.unanswerable.total})`
    );
    for (const m of r.misses) console.log(`  miss: ${m}`);
  }
}

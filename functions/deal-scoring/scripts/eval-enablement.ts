// npm run eval:enablement: nDCG@5 of the enablement ranking on the labelled set, tuning and held-out
// profiles separately, against the popularity baseline (most completed first). `--per-profile` lists
// every profile's figures.
import { recommend } from '../src/enablement/rank';
import { loadLabelledSet, ndcgAt, popularityRanking, requestFor } from '../test/enablement/labelled-set';

const K = 5;
const perProfile = process.argv.includes('--per-profile');
const set = loadLabelledSet();
const rows: Record<'tuning' | 'heldout', { ranker: number[]; baseline: number[] }> = {
  tuning: { ranker: [], baseline: [] },
  heldout: { ranker: [], baseline: [] }
};
for (const profile of set.profiles) {
  const request = requestFor(profile, set.library);
  const exclude = new Set(request.feedback.map((f) => f.contentId));
  const ranked = recommend(request).map((r) => r.contentId);
  const ranker = ndcgAt(K, ranked, profile.relevance, exclude);
  const baseline = ndcgAt(K, popularityRanking(request), profile.relevance, exclude);
  rows[profile.split].ranker.push(ranker);
  rows[profile.split].baseline.push(baseline);
  if (perProfile) {
    console.log(
      `${profile.id} ${profile.split.padEnd(7)} ranker ${ranker.toFixed(3)}  baseline ${baseline.toFixed(3)}  top5 ${ranked.slice(0, K).join(',')}`
    );
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(
  `nDCG@${K} on ${set.profiles.length} labelled partner profiles (library: ${set.library.length} active items)`
);
for (const split of ['tuning', 'heldout'] as const) {
  const r = rows[split];
  console.log(
    `${split.padEnd(8)} n=${r.ranker.length}  ranker ${mean(r.ranker).toFixed(3)}  popularity baseline ${mean(r.baseline).toFixed(3)}`
  );
}

// The enablement ranking: each signal moves the right item up and says why in the partner's own
// terms; feedback is used; the result is deterministic; the labelled set beats the popularity baseline.
import { DEFAULT_WEIGHTS, profileQuery, recommend } from '../../src/enablement/rank';
import type { ContentItem, RecommendRequest } from '../../src/enablement/schemas';
import { topicsOf } from '../../src/enablement/topics';
import { ValidationError } from '../../src/validation';
import { loadLabelledSet, ndcgAt, popularityRanking, requestFor } from './labelled-set';

const set = loadLabelledSet();
const library = set.library;

function request(overrides: Partial<RecommendRequest> = {}): RecommendRequest {
  return {
    requestId: 'r1',
    partner: { id: '001P', language: 'en', certifications: [], ...overrides.partner },
    registrations: [],
    feedback: [],
    library,
    ...overrides
  };
}

const reg = (n: number, fields: Partial<RecommendRequest['registrations'][number]>) =>
  Array.from({ length: n }, (_, i) => ({
    id: `a0R${i}${fields.status ?? ''}`,
    status: 'Approved',
    ...fields
  }));

const ids = (r: RecommendRequest) => recommend(r).map((x) => x.contentId);

describe('sent-back reasons', () => {
  it('recognises topics in partner-safe messages and missing fields', () => {
    expect(topicsOf('Please add the technical contact (IT lead or architect).', [])).toEqual([
      'technical-stakeholders'
    ]);
    expect(topicsOf(undefined, ['contact.email'])).toEqual(['customer-contact']);
    expect(topicsOf('This customer is already registered by another partner.', [])).toEqual([
      'channel-conflict'
    ]);
    expect(topicsOf('Thanks!', [])).toEqual([]);
  });

  it('puts the technical-stakeholder module first after repeated "no technical contact"', () => {
    const r = request({
      registrations: [
        ...reg(3, {
          status: 'More Info Requested',
          products: ['Analytics Cloud'],
          sentBackReason: 'More information is needed: no technical contact is named.'
        }),
        ...reg(2, { products: ['Analytics Cloud'] })
      ]
    });
    const top = recommend(r)[0]!;
    expect(top.contentId).toBe('EC01');
    expect(top.reasons[0]).toBe('SENT_BACK');
    expect(top.because).toBe(
      'Because 3 of your registrations were sent back for a missing technical contact.'
    );
  });

  it('never repeats the reason text itself', () => {
    const secret = 'Reviewer note: ask Jane at ACME-INTERNAL about the technical contact';
    const out = recommend(
      request({ registrations: reg(2, { status: 'More Info Requested', sentBackReason: secret }) })
    );
    for (const r of out) expect(r.because).not.toMatch(/Jane|ACME-INTERNAL|Reviewer/);
  });
});

describe('competitors and products', () => {
  it('brings the battle card for a competitor named in the deals, not another one of the same vendor', () => {
    const r = request({
      registrations: reg(2, {
        products: ['Data Hub'],
        description: 'Customer compares us with Contoso Integrate.'
      })
    });
    const out = recommend(r);
    expect(out[0]!.contentId).toBe('EC25');
    expect(out[0]!.because).toBe('Because Contoso Integrate came up in 2 of your deals.');
    expect(out.find((x) => x.contentId === 'EC20')?.reasons ?? []).not.toContain('COMPETITOR');
  });

  it('finds the competitor with a typo, as the intake catalogue does', () => {
    const r = request({ registrations: reg(3, { description: 'They run Fabrikan BI today.' }) });
    expect(recommend(r)[0]!.contentId).toBe('EC21');
    expect(recommend(r)[0]!.because).toBe('Because Fabrikam BI came up in 3 of your deals.');
  });

  it('recommends the foundations training for a product sold without a certification', () => {
    const r = request({ registrations: reg(3, { products: ['Field Service'], industry: 'Utilities' }) });
    const out = recommend(r);
    const fs = out.find((x) => x.contentId === 'EC16')!;
    expect(fs.reasons).toEqual(expect.arrayContaining(['PRODUCT', 'CERTIFICATION_GAP']));
    expect(ids(r).slice(0, 2).sort()).toEqual(['EC16', 'EC32']);
  });

  it('moves a certified partner to the next level and away from what they know', () => {
    const r = request({
      partner: {
        id: '001P',
        certifications: [
          { name: 'Analytics Cloud Foundations', product: 'Analytics Cloud', level: 'BEGINNER' }
        ]
      },
      registrations: reg(4, { products: ['Analytics Cloud'] })
    });
    const out = ids(r);
    expect(out.indexOf('EC09')).toBeLessThan(out.indexOf('EC08') === -1 ? 99 : out.indexOf('EC08'));
    expect(recommend(r).find((x) => x.contentId === 'EC09')!.because).toBe(
      'Because you are certified on Analytics Cloud and this is the next level.'
    );
  });

  it('reads a certification without a product from its name', () => {
    const r = request({
      partner: { id: '001P', certifications: [{ name: 'Data Hub Foundations 2025' }] },
      registrations: reg(4, { products: ['Data Hub'] })
    });
    expect(recommend(r).find((x) => x.contentId === 'EC11')?.reasons ?? []).not.toContain(
      'CERTIFICATION_GAP'
    );
  });
});

describe('feedback, language, determinism', () => {
  const base = request({ registrations: reg(3, { products: ['Analytics Cloud'], industry: 'Retail' }) });

  it('leaves out done and dismissed items and lowers items like a dismissed one', () => {
    const before = recommend({ ...base, maxResults: 50 });
    const after = recommend({
      ...base,
      maxResults: 50,
      feedback: [
        { contentId: 'EC08', verdict: 'DONE' },
        { contentId: 'EC20', verdict: 'NOT_RELEVANT' }
      ]
    });
    expect(after.map((x) => x.contentId)).not.toContain('EC08');
    expect(after.map((x) => x.contentId)).not.toContain('EC20');
    const score = (list: typeof before, id: string) => list.find((x) => x.contentId === id)!.score;
    // EC38 is the French card about the same competitor as the dismissed EC20.
    expect(score(after, 'EC38')).toBeCloseTo(score(before, 'EC38') * DEFAULT_WEIGHTS.DISMISSED_SIMILAR, 3);
  });

  it('prefers the partner’s language', () => {
    const r = request({
      partner: { id: '001P', language: 'de', certifications: [] },
      registrations: reg(2, { products: ['Analytics Cloud'] })
    });
    const out = ids(r);
    expect(out.indexOf('EC37')).toBeLessThan(out.indexOf('EC08'));
  });

  it('starts a partner without registrations with the programme basics', () => {
    const out = recommend(
      request({ partner: { id: '001P', vertical: 'Manufacturing', certifications: [] } })
    );
    expect(out.map((x) => x.contentId)).toContain('EC35');
    expect(out.find((x) => x.contentId === 'EC35')!.because).toMatch(/not registered a deal yet/);
  });

  it('gives the same answer whatever the order of the library', () => {
    const reversed = { ...base, library: [...library].reverse() };
    expect(recommend(reversed)).toEqual(recommend(base));
  });

  it('numbers ranks from 1, best first, and honours the limit', () => {
    const out = recommend({ ...base, maxResults: 3 });
    expect(out.map((x) => x.rank)).toEqual([1, 2, 3]);
    expect(out[0]!.score).toBeGreaterThanOrEqual(out[1]!.score);
  });

  it('refuses duplicate ids with the path of the second one', () => {
    const dup: ContentItem[] = [library[0]!, { ...library[1]!, id: library[0]!.id }];
    expect(() => recommend(request({ library: dup }))).toThrow(ValidationError);
    expect(() => recommend(request({ library: dup }))).toThrow(
      '/library/1/id duplicates the id of /library/0/id'
    );
  });

  it('describes the partner for embeddings by signal names only, never their deal text', () => {
    const q = profileQuery(
      request({
        registrations: reg(1, { products: ['Data Hub'], description: 'Secret plans at Contoso Integrate' })
      })
    );
    expect(q).toContain('Data Hub');
    expect(q).toContain('Contoso Integrate');
    expect(q).not.toMatch(/Secret plans/);
  });
});

describe('the labelled set', () => {
  it('has at least 30 profiles, both splits, labels that exist in the library', () => {
    expect(set.profiles.length).toBeGreaterThanOrEqual(30);
    expect(set.profiles.filter((p) => p.split === 'heldout').length).toBeGreaterThanOrEqual(15);
    const known = new Set(library.map((i) => i.id));
    for (const p of set.profiles) for (const id of Object.keys(p.relevance)) expect(known).toContain(id);
  });

  it('nDCG@5 beats the popularity baseline on the held-out profiles', () => {
    const held = set.profiles.filter((p) => p.split === 'heldout');
    const mean = (f: (p: (typeof held)[number]) => number) =>
      held.reduce((s, p) => s + f(p), 0) / held.length;
    const exclude = (p: (typeof held)[number]) => new Set(p.feedback.map((f) => f.ref));
    const ranker = mean((p) => ndcgAt(5, ids(requestFor(p, library)), p.relevance, exclude(p)));
    const baseline = mean((p) =>
      ndcgAt(5, popularityRanking(requestFor(p, library)), p.relevance, exclude(p))
    );
    expect(ranker).toBeGreaterThan(0.8);
    expect(ranker).toBeGreaterThan(baseline + 0.3);
  });

  it('computes nDCG as defined', () => {
    expect(ndcgAt(5, ['a', 'b'], { a: 3, b: 1 }, new Set())).toBe(1);
    expect(ndcgAt(5, ['b', 'a'], { a: 3, b: 1 }, new Set())).toBeCloseTo(
      (1 + 7 / Math.log2(3)) / (7 + 1 / Math.log2(3)),
      6
    );
    expect(ndcgAt(5, ['x'], {}, new Set())).toBe(0);
  });
});

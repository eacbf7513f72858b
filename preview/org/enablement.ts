/**
 * EnablementFeedController in the preview org: the same rules as EnablementService (the company's
 * own registrations with their partner-safe messages, the account's industry as vertical, the
 * company's verdicts, programme-wide completion counts) sent to the real scoring function's
 * POST /v1/enablement/recommend. The library is the sample data plan's Enablement_Content__c records;
 * partners see active items only. One store per preview org (journeys each get a fresh org).
 */
import { AuraError, STATUS, type PreviewOrg, type User } from './org';
import { ScoringUnavailable } from './scoring';
import type {
  RecommendRequest,
  RecommendResponse
} from '../../functions/deal-scoring/src/enablement/schemas';
import { contentItem, contentRecords, type ContentRecord } from '../data/enablement-content';

interface Store {
  /** Content id -> record (active and retired). */
  content: Map<string, ContentRecord>;
  /** Account id -> content id -> verdict. */
  feedback: Map<string, Map<string, string>>;
}

const stores = new WeakMap<PreviewOrg, Store>();
const VERDICTS = ['DONE', 'NOT_RELEVANT'];
const SENT_BACK = new Set<string>([STATUS.MORE_INFO_REQUESTED, STATUS.REJECTED]);

function store(org: PreviewOrg): Store {
  let s = stores.get(org);
  if (!s) {
    s = { content: new Map(), feedback: new Map() };
    contentRecords().forEach((r, i) => s!.content.set(`a0EPV${String(i + 1).padStart(10, '0')}AAA`, r));
    stores.set(org, s);
  }
  return s;
}

function partnerAccount(org: PreviewOrg, user: User): string {
  if (user.role !== 'partner' || !user.accountId) throw new AuraError(org.label('DR_Enablement_Not_Partner'));
  return user.accountId;
}

const split = (v: string | undefined) =>
  (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

async function getFeed(org: PreviewOrg, user: User): Promise<EnablementFeedResult> {
  const accountId = partnerAccount(org, user);
  const s = store(org);
  const active = [...s.content.entries()].filter(([, r]) => r.Active__c);
  const completions = new Map<string, number>();
  for (const verdicts of s.feedback.values())
    for (const [id, v] of verdicts) if (v === 'DONE') completions.set(id, (completions.get(id) ?? 0) + 1);
  const registrations = [...org.registrations.values()]
    .filter((r) => r.partnerAccountId === accountId)
    .sort((a, b) => (a.createdDate < b.createdDate ? 1 : -1))
    .slice(0, 200);
  const request: RecommendRequest = {
    requestId: `enable-${accountId}-${Date.now()}`,
    partner: {
      id: accountId,
      language: 'en_US',
      certifications: [],
      ...(org.accounts.get(accountId)?.industry ? { vertical: org.accounts.get(accountId)!.industry! } : {})
    },
    registrations: registrations.map((r) => ({
      id: r.id,
      status: r.status,
      ...(r.customerIndustry ? { industry: r.customerIndustry } : {}),
      ...(split(r.products).length ? { products: split(r.products) } : {}),
      ...(r.description ? { description: r.description.slice(0, 2000) } : {}),
      ...(SENT_BACK.has(r.status) && r.partnerMessage
        ? { sentBackReason: r.partnerMessage.slice(0, 1000) }
        : {})
    })),
    feedback: [...(s.feedback.get(accountId) ?? new Map<string, string>()).entries()].map(
      ([contentId, verdict]) => ({
        contentId,
        verdict: verdict as 'DONE' | 'NOT_RELEVANT'
      })
    ),
    library: active.map(([id, r]) => contentItem(r, id, completions.get(id) ?? 0)),
    maxResults: 10
  };
  try {
    const res = await org.scoring.post<RecommendResponse>('/v1/enablement/recommend', request);
    const items = res.recommendations.map((rec) => {
      const r = s.content.get(rec.contentId)!;
      return {
        id: rec.contentId,
        rank: rec.rank,
        title: r.Name,
        summary: r.Summary__c ?? null,
        contentType: r.Content_Type__c,
        level: r.Level__c ?? null,
        url: r.URL__c ?? null,
        because: rec.because,
        reasons: rec.reasons
      };
    });
    return {
      available: true,
      engine: res.engine,
      message: items.length ? null : org.label('DR_Enablement_Empty'),
      items
    };
  } catch (e) {
    if (e instanceof ScoringUnavailable)
      return { available: false, message: org.label('DR_Enablement_Unavailable'), items: [] };
    throw e;
  }
}

function recordFeedback(org: PreviewOrg, user: User, p: { contentId: string; verdict: string }): void {
  const accountId = partnerAccount(org, user);
  if (!VERDICTS.includes(p.verdict)) throw new AuraError(org.label('DR_Enablement_Verdict_Invalid'));
  const s = store(org);
  if (!s.content.get(p.contentId)?.Active__c)
    throw new AuraError(org.label('DR_Enablement_Content_Not_Found'));
  if (!s.feedback.has(accountId)) s.feedback.set(accountId, new Map());
  s.feedback.get(accountId)!.set(p.contentId, p.verdict);
}

/** Spread into CONTROLLERS (controllers.ts). */
export const ENABLEMENT_CONTROLLERS = {
  'EnablementFeedController.getFeed': getFeed,
  'EnablementFeedController.recordFeedback': recordFeedback
};

/**
 * The partner-lifecycle controllers (PartnerOnboardingController for the portal,
 * PartnerConsoleController for the console) against the preview org. The checklist, the
 * onboarding guide and the tier thresholds are the package's own custom metadata records; the
 * onboarding assistant and the tier review are the real scoring function, called where Apex calls
 * out. Each partner's last-12-months measures are seeded here (the preview's data/ holds a few
 * registrations, not a year of history).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ROOT } from '../build';
import { AuraError, type PreviewOrg, type User } from './org';
import { ScoringUnavailable } from './scoring';
import type {
  OnboardingAnswerResponse,
  OnboardingArticle,
  PartnerMetrics,
  TierDefinition,
  TierReviewResponse
} from '../../functions/deal-scoring/src/partner/schemas';

type Impl<M> = M extends (params: infer P) => Promise<infer R>
  ? (org: PreviewOrg, user: User, params: P) => R | Promise<R>
  : M extends () => Promise<infer R>
    ? (org: PreviewOrg, user: User, params: Record<string, never>) => R | Promise<R>
    : never;
type Apex<Name extends string> = Name extends 'PartnerOnboardingController.getMyOnboarding'
  ? (typeof import('@salesforce/apex/PartnerOnboardingController.getMyOnboarding'))['default']
  : Name extends 'PartnerOnboardingController.completeMyStep'
    ? (typeof import('@salesforce/apex/PartnerOnboardingController.completeMyStep'))['default']
    : Name extends 'PartnerOnboardingController.askOnboarding'
      ? (typeof import('@salesforce/apex/PartnerOnboardingController.askOnboarding'))['default']
      : Name extends 'PartnerOnboardingController.getMyStanding'
        ? (typeof import('@salesforce/apex/PartnerOnboardingController.getMyStanding'))['default']
        : Name extends 'PartnerConsoleController.getTierReviews'
          ? (typeof import('@salesforce/apex/PartnerConsoleController.getTierReviews'))['default']
          : Name extends 'PartnerConsoleController.decideTierReview'
            ? (typeof import('@salesforce/apex/PartnerConsoleController.decideTierReview'))['default']
            : Name extends 'PartnerConsoleController.completeManagerStep'
              ? (typeof import('@salesforce/apex/PartnerConsoleController.completeManagerStep'))['default']
              : Name extends 'PartnerConsoleController.getStalledOnboardings'
                ? (typeof import('@salesforce/apex/PartnerConsoleController.getStalledOnboardings'))['default']
                : never;

// ---------------------------------------------------------------- the package's custom metadata
const MDT_DIR = join(ROOT, 'force-app/main/default/customMetadata');
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (n) => n === 'values'
});

function records(type: string): Array<{ name: string; v: Record<string, string> }> {
  return readdirSync(MDT_DIR)
    .filter((f) => f.startsWith(`${type}.`))
    .sort()
    .map((f) => {
      const doc = parser.parse(readFileSync(join(MDT_DIR, f), 'utf8')) as {
        CustomMetadata: { values: { field: string; value?: unknown }[] };
      };
      const v: Record<string, string> = {};
      for (const x of doc.CustomMetadata.values)
        if (x.value !== undefined && x.value !== '') v[x.field] = String(x.value);
      return { name: f.slice(type.length + 1, -'.md-meta.xml'.length), v };
    });
}

interface Step {
  key: string;
  title: string;
  description: string;
  owner: string;
  dueOn: string | null;
  evidenceRequired: boolean;
  evidenceHint: string | null;
  milestone: string | null;
  unlocks: string | null;
  done: boolean;
  doneOn: string | null;
  evidence: string | null;
}

function checklist(partnerType: string, startedOn: Date): Step[] {
  return records('Onboarding_Step')
    .filter((r) => r.v.Partner_Type__c === partnerType && r.v.Active__c === 'true')
    .sort((a, b) => Number(a.v.Sort_Order__c) - Number(b.v.Sort_Order__c))
    .map((r) => ({
      key: r.name,
      title: r.v.Title__c ?? r.name,
      description: r.v.Description__c ?? '',
      owner: r.v.Owner__c === 'Partner Manager' ? 'Partner Manager' : 'Partner',
      dueOn: r.v.Due_Offset_Days__c ? day(addDays(startedOn, Number(r.v.Due_Offset_Days__c))) : null,
      evidenceRequired: r.v.Evidence_Required__c === 'true',
      evidenceHint: r.v.Evidence_Hint__c ?? null,
      milestone: r.v.Milestone__c ?? null,
      unlocks: r.v.Unlocks__c ?? null,
      done: false,
      doneOn: null,
      evidence: null
    }));
}

/** FAQ entries and the checklist steps of a type, as PartnerOnboardingController.articles sends them. */
function articles(org: PreviewOrg, partnerType: string | null): OnboardingArticle[] {
  const faq = records('Onboarding_Article')
    .filter((r) => r.v.Active__c === 'true' && r.v.Title__c && r.v.Body__c)
    .map((r) => ({
      id: r.name,
      title: r.v.Title__c!,
      body: r.v.Body__c!,
      ...(r.v.Partner_Types__c ? { partnerTypes: r.v.Partner_Types__c.split(',').map((t) => t.trim()) } : {})
    }));
  const steps = partnerType
    ? records('Onboarding_Step')
        .filter((r) => r.v.Partner_Type__c === partnerType && r.v.Active__c === 'true')
        .map((r) => ({
          id: `step-${r.name}`.slice(0, 40),
          title: org.label('PO_Step_Article_Title', r.v.Title__c),
          body: [
            r.v.Description__c ?? r.v.Title__c,
            r.v.Due_Offset_Days__c ? org.label('PO_Step_Article_Due', Number(r.v.Due_Offset_Days__c)) : '',
            r.v.Evidence_Required__c === 'true' && r.v.Evidence_Hint__c
              ? org.label('PO_Step_Article_Evidence', r.v.Evidence_Hint__c)
              : '',
            r.v.Unlocks__c ? org.label('PO_Step_Article_Unlocks', r.v.Unlocks__c) : ''
          ]
            .filter(Boolean)
            .join(' ')
        }))
    : [];
  return [...faq, ...steps];
}

const TIER_ORDER = ['PLATINUM', 'GOLD', 'SILVER', 'REGISTERED'];
function thresholds(): TierDefinition[] {
  const ratio = (v: string | undefined) => Math.min(1, Math.max(0, Number(v ?? 0) / 100));
  return records('Partner_Tier_Threshold')
    .map((r) => ({
      tier: (r.v.Tier__c ?? '').toUpperCase() as TierDefinition['tier'],
      thresholds: {
        registrations: Number(r.v.Min_Registrations__c ?? 0),
        approvalRate: ratio(r.v.Min_Approval_Rate__c),
        closedWonRevenue: Number(r.v.Min_Closed_Won_Revenue__c ?? 0),
        certifications: Number(r.v.Min_Certifications__c ?? 0),
        onboardingCompletion: ratio(r.v.Min_Onboarding_Completion__c)
      },
      ...(r.v.At_Risk_Margin__c ? { atRiskMargin: ratio(r.v.At_Risk_Margin__c) } : {})
    }))
    .sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier));
}

// ---------------------------------------------------------------- state of one preview org
interface Onboarding {
  id: string;
  accountId: string;
  partnerType: string;
  startedOn: Date;
  steps: Step[];
  managerName: string;
  /** Internal, never returned to partners (as Manager_Notes__c). */
  managerNotes: string;
}
interface Review extends PartnerTierReviewRow {
  standing: string;
}
interface State {
  onboardings: Map<string, Onboarding>;
  reviews: Review[];
  standing: Map<string, { json: string; reviewedOn: string }>;
}

const states = new WeakMap<PreviewOrg, Promise<State>>();

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}
function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Seeded measures of the last 12 months per persona (see the file comment). */
const SEEDED_METRICS: Record<string, Omit<PartnerMetrics, 'onboardingCompletion'>> = {
  northwind: { registrations: 21, decided: 18, approved: 12, closedWonRevenue: 420000, certifications: 3 },
  blueriver: { registrations: 17, decided: 15, approved: 10, closedWonRevenue: 310000, certifications: 3 }
};

function state(org: PreviewOrg): Promise<State> {
  let s = states.get(org);
  if (!s) {
    s = seed(org);
    states.set(org, s);
  }
  return s;
}

async function seed(org: PreviewOrg): Promise<State> {
  const st: State = { onboardings: new Map(), reviews: [], standing: new Map() };
  const now = org.now();
  const manager = org.userByPersona('manager');
  const northwind = org.userByPersona('northwind').accountId!;
  const blueriver = org.userByPersona('blueriver').accountId!;
  // Northwind: a reseller three weeks into onboarding, agreement not yet signed (overdue): stalled.
  const nw: Onboarding = {
    id: 'a0OPV0000000001AAA',
    accountId: northwind,
    partnerType: 'Reseller',
    startedOn: addDays(now, -21),
    steps: checklist('Reseller', addDays(now, -21)),
    managerName: manager.name,
    managerNotes: 'Internal: slow to engage; escalate if the agreement is not back this week.'
  };
  for (const s of nw.steps) {
    if (s.key === 'Reseller_Kickoff')
      Object.assign(s, {
        done: true,
        doneOn: day(addDays(now, -18)),
        evidence: 'Call notes in the account plan'
      });
    if (s.key === 'Reseller_Profile')
      Object.assign(s, {
        done: true,
        doneOn: day(addDays(now, -15)),
        evidence: 'Regions EMEA and DACH added'
      });
  }
  // Blue River: a system integrator whose onboarding is complete.
  const br: Onboarding = {
    id: 'a0OPV0000000002AAA',
    accountId: blueriver,
    partnerType: 'System Integrator',
    startedOn: addDays(now, -120),
    steps: checklist('System Integrator', addDays(now, -120)).map((s) => ({
      ...s,
      done: true,
      doneOn: day(addDays(now, -60)),
      evidence: s.owner === 'Partner' && s.evidenceRequired ? 'Recorded at onboarding' : null
    })),
    managerName: manager.name,
    managerNotes: ''
  };
  st.onboardings.set(northwind, nw);
  st.onboardings.set(blueriver, br);
  await runTierReview(org, st, ['northwind', 'blueriver']);
  return st;
}

/** PartnerTierReviewService.review: measures, one call to the function, recommendations and standing. */
async function runTierReview(org: PreviewOrg, st: State, personas: string[]): Promise<void> {
  const partners = personas.map((p) => {
    const accountId = org.userByPersona(p).accountId!;
    const o = st.onboardings.get(accountId);
    const done = o ? o.steps.filter((s) => s.done).length / Math.max(1, o.steps.length) : 1;
    return {
      id: accountId,
      currentTier: (org.accounts.get(accountId)?.tier ?? 'REGISTERED') as TierDefinition['tier'],
      metrics: { ...SEEDED_METRICS[p]!, onboardingCompletion: Math.round(done * 10000) / 10000 }
    };
  });
  const requestId = `tier-preview-${Date.now()}`;
  const res = await org.scoring.post<TierReviewResponse>('/v1/partner/tier-review', {
    requestId,
    revenueCurrency: 'USD',
    tiers: thresholds(),
    partners
  });
  for (const r of res.results) {
    const account = org.accounts.get(r.partnerId);
    st.standing.set(r.partnerId, { json: JSON.stringify(r.standing), reviewedOn: day(org.now()) });
    st.reviews.push({
      id: `a0RPV${String(st.reviews.length + 1).padStart(10, '0')}AAA`,
      accountId: r.partnerId,
      accountName: account?.name ?? r.partnerId,
      action: r.action,
      currentTier: r.currentTier,
      recommendedTier: r.recommendedTier,
      evidence: r.evidence,
      createdDate: org.now().toISOString(),
      approvalStatus: r.action === 'PROMOTE' || r.action === 'DEMOTE' ? 'Pending' : null,
      pending: r.action === 'PROMOTE' || r.action === 'DEMOTE',
      standing: JSON.stringify(r.standing)
    });
  }
}

// ---------------------------------------------------------------- PartnerOnboardingController
function toView(o: Onboarding | undefined, now: Date): PartnerOnboardingView {
  if (!o) return { exists: false, percentComplete: 0, stepsDone: 0, stepsTotal: 0, steps: [] };
  const today = day(now);
  const steps: PartnerOnboardingStep[] = o.steps.map((s) => ({
    key: s.key,
    title: s.title,
    description: s.description,
    owner: s.owner,
    partnerOwned: s.owner === 'Partner',
    dueOn: s.dueOn,
    overdue: !s.done && s.dueOn !== null && s.dueOn < today,
    evidenceRequired: s.evidenceRequired,
    evidenceHint: s.evidenceHint,
    unlocks: s.unlocks,
    milestone: s.milestone,
    automatic: s.milestone === 'First Registration' || s.milestone === 'First Certification',
    done: s.done,
    doneOn: s.doneOn,
    // Managers' evidence stays internal.
    evidence: s.owner === 'Partner' ? s.evidence : null
  }));
  const done = steps.filter((s) => s.done).length;
  return {
    exists: true,
    partnerType: o.partnerType,
    status: done === steps.length ? 'Complete' : done === 0 ? 'Not Started' : 'In Progress',
    percentComplete: steps.length === 0 ? 0 : Math.round((10000 * done) / steps.length) / 100,
    stepsDone: done,
    stepsTotal: steps.length,
    startedOn: day(o.startedOn),
    nextStep: steps.find((s) => !s.done) ?? null,
    steps
  };
}

const getMyOnboarding: Impl<Apex<'PartnerOnboardingController.getMyOnboarding'>> = async (org, user) => {
  const accountId = org.partnerAccountId(user);
  return toView((await state(org)).onboardings.get(accountId), org.now());
};

const completeMyStep: Impl<Apex<'PartnerOnboardingController.completeMyStep'>> = async (org, user, p) => {
  const accountId = org.partnerAccountId(user);
  const o = (await state(org)).onboardings.get(accountId);
  if (!o) throw new AuraError(org.label('PO_No_Onboarding'));
  if (!p.stepKey) throw new AuraError(org.label('PO_Step_Required'));
  const evidence = typeof p.evidence === 'string' ? p.evidence.trim() : '';
  if (evidence.length > 1000) throw new AuraError(org.label('PO_Evidence_Too_Long', 1000));
  const step = o.steps.find((s) => s.key === p.stepKey);
  if (!step) throw new AuraError(org.label('PO_Step_Not_Found'));
  if (step.owner !== 'Partner') throw new AuraError(org.label('PO_Step_Manager_Owned'));
  if (step.milestone === 'First Registration' || step.milestone === 'First Certification')
    throw new AuraError(org.label('PO_Step_Automatic'));
  if (step.done) throw new AuraError(org.label('PO_Step_Already_Done'));
  if (step.evidenceRequired && !evidence) throw new AuraError(org.label('PO_Evidence_Required'));
  Object.assign(step, { done: true, doneOn: day(org.now()), evidence: evidence || null });
  return toView(o, org.now());
};

const askOnboarding: Impl<Apex<'PartnerOnboardingController.askOnboarding'>> = async (org, user, p) => {
  const question = typeof p.question === 'string' ? p.question : '';
  if (!question.trim()) throw new AuraError(org.label('PO_Question_Required'));
  if (question.length > 1000) throw new AuraError(org.label('PO_Question_Too_Long', 1000));
  const accountId = org.partnerAccountId(user);
  const partnerType = (await state(org)).onboardings.get(accountId)?.partnerType ?? null;
  try {
    const res = await org.scoring.post<OnboardingAnswerResponse>('/v1/partner/onboarding-answer', {
      question,
      ...(partnerType ? { partnerType } : {}),
      articles: articles(org, partnerType)
    });
    return {
      available: true,
      known: res.known,
      answer: res.answer,
      sources: res.sources.map((s) => s.title),
      engine: res.engine,
      message: null
    };
  } catch (e) {
    if (!(e instanceof ScoringUnavailable)) throw e;
    return { available: false, known: false, sources: [], message: org.label('PO_Assistant_Unavailable') };
  }
};

const getMyStanding: Impl<Apex<'PartnerOnboardingController.getMyStanding'>> = async (org, user) => {
  const accountId = org.partnerAccountId(user);
  const tier = org.accounts.get(accountId)?.tier ?? 'REGISTERED';
  const saved = (await state(org)).standing.get(accountId);
  const view: PartnerStandingView = {
    tier,
    gaps: [],
    reviewed: false,
    reviewedOn: saved?.reviewedOn ?? null
  };
  if (!saved) return view;
  const s = JSON.parse(saved.json) as {
    tier: string;
    nextTier?: string;
    summary: string;
    gaps: { sentence: string }[];
  };
  // A standing written for another tier (the tier changed since) is not shown.
  if (s.tier !== tier) return view;
  return {
    ...view,
    reviewed: true,
    nextTier: s.nextTier ?? null,
    summary: s.summary,
    gaps: s.gaps.map((g) => g.sentence)
  };
};

// ---------------------------------------------------------------- PartnerConsoleController
const rows = (st: State): PartnerTierReviewRow[] =>
  st.reviews
    .filter((r) => r.pending || r.action === 'AT_RISK')
    .map(({ standing: _standing, ...row }) => row)
    .reverse();

const getTierReviews: Impl<Apex<'PartnerConsoleController.getTierReviews'>> = async (org, user) => {
  org.requireManager(user);
  return rows(await state(org));
};

const decideTierReview: Impl<Apex<'PartnerConsoleController.decideTierReview'>> = async (org, user, p) => {
  org.requireManager(user);
  if (!p.recommendationId) throw new AuraError(org.label('PT_Review_Required'));
  if (p.decision !== 'Approve' && p.decision !== 'Reject')
    throw new AuraError(org.label('PT_Decision_Invalid'));
  const comment = typeof p.comment === 'string' ? p.comment.trim() : '';
  if (p.decision === 'Reject' && !comment) throw new AuraError(org.label('PT_Comment_Required'));
  if (comment.length > 1000) throw new AuraError(org.label('PT_Comment_Too_Long', 1000));
  const st = await state(org);
  const review = st.reviews.find((r) => r.id === p.recommendationId);
  if (!review || !review.pending) throw new AuraError(org.label('PT_Not_Pending'));
  review.pending = false;
  review.approvalStatus = p.decision === 'Approve' ? 'Approved' : 'Rejected';
  if (p.decision === 'Approve') {
    // PartnerTierDecisionService: the account moves to the recommended tier.
    const account = org.accounts.get(review.accountId);
    if (account && review.recommendedTier) account.tier = review.recommendedTier;
  }
  return rows(st);
};

const completeManagerStep: Impl<Apex<'PartnerConsoleController.completeManagerStep'>> = async (
  org,
  user,
  p
) => {
  org.requireManager(user);
  const o = [...(await state(org)).onboardings.values()].find((x) => x.id === p.onboardingId);
  if (!o) throw new AuraError(org.label('PO_No_Onboarding'));
  const step = o.steps.find((s) => s.key === p.stepKey);
  if (!step) throw new AuraError(org.label('PO_Step_Not_Found'));
  if (step.owner !== 'Partner Manager') throw new AuraError(org.label('PO_Step_Partner_Owned'));
  if (step.done) throw new AuraError(org.label('PO_Step_Already_Done'));
  Object.assign(step, { done: true, doneOn: day(org.now()), evidence: p.evidence ?? null });
  return getStalledOnboardings(org, user, {});
};

const getStalledOnboardings: Impl<Apex<'PartnerConsoleController.getStalledOnboardings'>> = async (
  org,
  user
) => {
  org.requireManager(user);
  const today = day(org.now());
  const out: PartnerStalledRow[] = [];
  for (const o of (await state(org)).onboardings.values()) {
    const open = o.steps.filter((s) => !s.done);
    const due = open
      .map((s) => s.dueOn)
      .filter((d): d is string => d !== null)
      .sort()[0];
    if (!due || due >= today) continue;
    out.push({
      id: o.id,
      accountId: o.accountId,
      accountName: org.accounts.get(o.accountId)?.name ?? o.accountId,
      partnerType: o.partnerType,
      percentComplete: Math.round((10000 * (o.steps.length - open.length)) / o.steps.length) / 100,
      nextStep: open[0]?.title ?? null,
      nextDueOn: due,
      daysOverdue: Math.round((Date.parse(today) - Date.parse(due)) / 86_400_000),
      managerName: o.managerName,
      managerStepKey: open.find((s) => s.owner === 'Partner Manager')?.key ?? null,
      managerStepTitle: open.find((s) => s.owner === 'Partner Manager')?.title ?? null
    });
  }
  return out.sort((a, b) => (a.nextDueOn ?? '').localeCompare(b.nextDueOn ?? ''));
};

/** The partner-lifecycle methods, spread into CONTROLLERS. */
export const PARTNER_CONTROLLERS = {
  'PartnerOnboardingController.getMyOnboarding': getMyOnboarding,
  'PartnerOnboardingController.completeMyStep': completeMyStep,
  'PartnerOnboardingController.askOnboarding': askOnboarding,
  'PartnerOnboardingController.getMyStanding': getMyStanding,
  'PartnerConsoleController.getTierReviews': getTierReviews,
  'PartnerConsoleController.decideTierReview': decideTierReview,
  'PartnerConsoleController.getStalledOnboardings': getStalledOnboardings,
  'PartnerConsoleController.completeManagerStep': completeManagerStep
};

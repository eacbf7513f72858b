/**
 * The Apex controllers' @AuraEnabled methods, implemented against the preview org. Each entry is
 * typed by its `@salesforce/apex/Class.method` declaration in types/lwc/apex.d.ts (the contract
 * the components compile against), so a changed parameter or result fails the type-check; a test
 * fails when a component imports a method that has no entry here.
 */
import { AuraError, PreviewOrg, STATUS, domainOf, type Registration, type User } from './org';
import { ScoringUnavailable } from './scoring';
import { MDF_CONTROLLERS } from './mdf';
import { readObjectInfo } from '../build';
import { VOCABULARY } from '../../functions/deal-scoring/src/vocabulary';
import { PARSE_FIELD_NAMES } from '../../functions/deal-scoring/src/ai/schemas';
import { NOTIFICATION_CONTROLLERS } from './routing';
import { FORECAST_CONTROLLERS } from './forecast';
import { PARTNER_CONTROLLERS } from './partner';
import { ENABLEMENT_CONTROLLERS } from './enablement';

/** The draft field of each required contract path (DealRequiredFields.fieldOf in Apex). */
const REQUIRED_PATH_TO_KEY: Record<(typeof VOCABULARY.requiredFields)[number], keyof DealPortalDraft> = {
  'customer.name': 'customerName',
  'opportunity.amount': 'dealValue',
  'opportunity.closeDate': 'expectedCloseDate',
  'contact.name': 'contactName',
  'contact.email': 'contactEmail'
};

type ApexModule<M> = M extends (params: infer P) => Promise<infer R>
  ? (org: PreviewOrg, user: User, params: P) => R | Promise<R>
  : M extends () => Promise<infer R>
    ? (org: PreviewOrg, user: User, params: Record<string, never>) => R | Promise<R>
    : never;
/** The declarations the components compile against, one per Apex method. */
interface Contract {
  'DealRegistrationPortalController.getMyRegistrations': (typeof import('@salesforce/apex/DealRegistrationPortalController.getMyRegistrations'))['default'];
  'DealRegistrationPortalController.getRegistration': (typeof import('@salesforce/apex/DealRegistrationPortalController.getRegistration'))['default'];
  'DealRegistrationPortalController.getPriorCustomers': (typeof import('@salesforce/apex/DealRegistrationPortalController.getPriorCustomers'))['default'];
  'DealRegistrationPortalController.suggestAccounts': (typeof import('@salesforce/apex/DealRegistrationPortalController.suggestAccounts'))['default'];
  'DealRegistrationPortalController.saveDraft': (typeof import('@salesforce/apex/DealRegistrationPortalController.saveDraft'))['default'];
  'DealRegistrationPortalController.submit': (typeof import('@salesforce/apex/DealRegistrationPortalController.submit'))['default'];
  'DealRegistrationPortalController.withdraw': (typeof import('@salesforce/apex/DealRegistrationPortalController.withdraw'))['default'];
  'DealRegistrationPortalController.requestExtension': (typeof import('@salesforce/apex/DealRegistrationPortalController.requestExtension'))['default'];
  'DealRegistrationPortalController.precheck': (typeof import('@salesforce/apex/DealRegistrationPortalController.precheck'))['default'];
  'DealAssistController.parseText': (typeof import('@salesforce/apex/DealAssistController.parseText'))['default'];
  'DealAssistController.askStatus': (typeof import('@salesforce/apex/DealAssistController.askStatus'))['default'];
  'DealReviewController.getConsoleSettings': (typeof import('@salesforce/apex/DealReviewController.getConsoleSettings'))['default'];
  'DealReviewController.getQueue': (typeof import('@salesforce/apex/DealReviewController.getQueue'))['default'];
  'DealReviewController.getScoreCard': (typeof import('@salesforce/apex/DealReviewController.getScoreCard'))['default'];
  'DealReviewController.getAuditTimeline': (typeof import('@salesforce/apex/DealReviewController.getAuditTimeline'))['default'];
  'DealReviewController.decide': (typeof import('@salesforce/apex/DealReviewController.decide'))['default'];
  'DealReviewController.decideExtension': (typeof import('@salesforce/apex/DealReviewController.decideExtension'))['default'];
  'DealMetricsController.getMetrics': (typeof import('@salesforce/apex/DealMetricsController.getMetrics'))['default'];
  'DealNotificationPreferenceController.getMyPreferences': (typeof import('@salesforce/apex/DealNotificationPreferenceController.getMyPreferences'))['default'];
  'DealNotificationPreferenceController.saveMyPreferences': (typeof import('@salesforce/apex/DealNotificationPreferenceController.saveMyPreferences'))['default'];
  'EnablementFeedController.getFeed': (typeof import('@salesforce/apex/EnablementFeedController.getFeed'))['default'];
  'EnablementFeedController.recordFeedback': (typeof import('@salesforce/apex/EnablementFeedController.recordFeedback'))['default'];
}
type Impl<Name extends keyof Contract> = ApexModule<Contract[Name]>;

const DEAL_FIELDS = readObjectInfo().Deal_Registration__c?.fields ?? {};
const LENGTHS: Record<string, number | null> = Object.fromEntries(
  Object.entries(DEAL_FIELDS).map(([k, f]) => [k, f.length])
);

function requireReason(org: PreviewOrg, reason: unknown): string {
  const r = typeof reason === 'string' ? reason.trim() : '';
  if (!r) throw new AuraError(org.label('DR_Portal_Apex_Field_Required', org.label('DR_Portal_Apex_Reason')));
  if (r.length > 4000)
    throw new AuraError(org.label('DR_Portal_Apex_Too_Long', org.label('DR_Portal_Apex_Reason'), 4000));
  return r;
}

function requireDraft(org: PreviewOrg, draft: DealPortalDraft | null | undefined): DealPortalDraft {
  if (!draft) throw new AuraError(org.label('DR_Portal_Apex_Draft_Required'));
  return draft;
}

// ---------------------------------------------------------------- DealRegistrationPortalController
const getMyRegistrations: Impl<'DealRegistrationPortalController.getMyRegistrations'> = (org, user, p) => {
  const accountId = org.partnerAccountId(user);
  const status = p?.status ? String(p.status) : '';
  return [...org.registrations.values()]
    .filter((r) => r.partnerAccountId === accountId && (!status || r.status === status))
    .sort((a, b) => b.lastModifiedDate.localeCompare(a.lastModifiedDate))
    .map((r) => org.toPortalDto(r));
};

const getRegistration: Impl<'DealRegistrationPortalController.getRegistration'> = (org, user, p) =>
  org.toPortalDto(org.own(user, p.registrationId));

const getPriorCustomers: Impl<'DealRegistrationPortalController.getPriorCustomers'> = (org, user) => {
  const accountId = org.partnerAccountId(user);
  const byName = new Map<string, DealPortalPriorCustomer>();
  const own = [...org.registrations.values()]
    .filter((r) => r.partnerAccountId === accountId && r.customerName)
    .sort((a, b) => b.createdDate.localeCompare(a.createdDate));
  for (const r of own) {
    const key = (r.customerName ?? '').toLowerCase();
    if (byName.has(key)) continue;
    byName.set(key, {
      customerName: r.customerName ?? '',
      customerWebsite: r.customerWebsite ?? null,
      customerCountry: r.customerCountry ?? null,
      customerRegion: r.customerRegion ?? null,
      customerIndustry: r.customerIndustry ?? null,
      customerEmployees: r.customerEmployees ?? null,
      lastRegisteredOn: r.createdDate.slice(0, 10)
    });
  }
  return [...byName.values()];
};

const suggestAccounts: Impl<'DealRegistrationPortalController.suggestAccounts'> = (org, user, p) => {
  org.partnerAccountId(user);
  const q = String(p.name ?? '')
    .trim()
    .toLowerCase();
  if (q.length < 3) return [];
  return [...org.accounts.values()]
    .filter((a) => a.type !== 'Partner' && a.name.toLowerCase().includes(q))
    .slice(0, 5)
    .map((a) => ({ name: a.name, website: a.website ?? null, exactMatch: a.name.toLowerCase() === q }));
};

const saveDraft: Impl<'DealRegistrationPortalController.saveDraft'> = (org, user, p) => {
  const draft = requireDraft(org, p.draft);
  const accountId = org.partnerAccountId(user);
  org.validateFormats(draft, LENGTHS);
  const r = draft.id ? org.own(user, draft.id) : org.createFor(accountId);
  if (!PreviewOrg.canEdit(r.status)) throw new AuraError(org.label('DR_Portal_Apex_Not_Editable', r.status));
  org.applyDraft(r, draft);
  return r.id;
};

const submit: Impl<'DealRegistrationPortalController.submit'> = (org, user, p) => {
  const draft = requireDraft(org, p.draft);
  const accountId = org.partnerAccountId(user);
  org.validateFormats(draft, LENGTHS);
  const existing = draft.id ? org.own(user, draft.id) : undefined;
  if (existing && !PreviewOrg.canEdit(existing.status)) {
    throw new AuraError(org.label('DR_Portal_Apex_Not_Editable', existing.status));
  }
  const moreInfo = existing?.status === STATUS.MORE_INFO_REQUESTED;
  const errors: string[] = [];
  // The vocabulary's required fields, as DealRequiredFields / DealPortalValidator.validateRequired.
  for (const path of VOCABULARY.requiredFields) {
    const key = REQUIRED_PATH_TO_KEY[path];
    const value = draft[key];
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      errors.push(org.label('DR_Portal_Apex_Required_To_Submit', org.fieldLabel(key)));
    }
  }
  if (moreInfo && !draft.partnerResponse?.trim()) {
    errors.push(org.label('DR_Portal_Apex_Required_To_Submit', org.fieldLabel('partnerResponse')));
  }
  if (errors.length) throw new AuraError(errors.join(' '));
  const r = existing ?? org.createFor(accountId);
  org.applyDraft(r, draft);
  r.submittedAt = new Date().toISOString();
  org.setStatus(r, STATUS.SUBMITTED);
  org.addAudit(
    r.id,
    'SUBMITTED',
    'SUCCESS',
    moreInfo ? 'resubmitted with an answer' : 'submitted',
    user.name
  );
  org.scoreLater(r);
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    reviewSlaHours: org.settings.reviewSlaHours,
    protectionDays: org.settings.protectionDays
  };
};

const withdraw: Impl<'DealRegistrationPortalController.withdraw'> = (org, user, p) => {
  const reason = requireReason(org, p.reason);
  const r = org.own(user, p.registrationId);
  if (!org.toPortalDto(r).canWithdraw)
    throw new AuraError(org.label('DR_Portal_Apex_Cannot_Withdraw', r.name, r.status));
  r.decisionReason = reason;
  org.setStatus(r, STATUS.WITHDRAWN);
  org.addAudit(r.id, 'WITHDRAWN', 'SUCCESS', reason, user.name);
};

const requestExtension: Impl<'DealRegistrationPortalController.requestExtension'> = (org, user, p) => {
  const reason = requireReason(org, p.reason);
  const r = org.own(user, p.registrationId);
  if (!org.toPortalDto(r).canRequestExtension)
    throw new AuraError(org.label('DR_Apex_Extension_Not_Allowed'));
  r.extensionRequested = true;
  r.extensionReason = reason;
  r.lastModifiedDate = new Date().toISOString();
  org.addAudit(r.id, 'EXTENSION_REQUESTED', 'SUCCESS', reason, user.name);
};

const precheck: Impl<'DealRegistrationPortalController.precheck'> = async (org, user, p) => {
  const draft = requireDraft(org, p.draft);
  const accountId = org.partnerAccountId(user);
  const self: Registration | undefined = draft.id ? org.registrations.get(draft.id) : undefined;
  const candidates = org.candidatesFor(self);
  try {
    const response = await org.scoring.post<{
      completeness: number;
      missingFields: { field: string; required: boolean; hint: string }[];
      hints: string[];
      duplicates: { candidateId: string; message: string }[];
      rulesetVersion: string;
    }>('/v1/precheck', {
      draft: org.precheckDraft(draft, accountId),
      candidates,
      settings: {
        conflictThreshold: org.settings.conflictThreshold,
        protectionDays: org.settings.protectionDays
      }
    });
    const seen = new Set<string>();
    const duplicates: DealPortalDuplicate[] = [];
    for (const d of response.duplicates) {
      const c = org.registrations.get(d.candidateId);
      const ownCompany = !!c && c.partnerAccountId === accountId;
      const key = ownCompany && c ? c.name : d.message;
      if (!d.message || seen.has(key)) continue;
      seen.add(key);
      // Only the partner's own company's registration may be named; others stay anonymous.
      duplicates.push({ message: d.message, ownCompany, registrationName: ownCompany && c ? c.name : null });
    }
    return {
      available: true,
      completeness: response.completeness,
      rulesetVersion: response.rulesetVersion,
      missingFields: response.missingFields.map((m) => ({
        field: m.field,
        required: m.required,
        hint: m.hint
      })),
      hints: response.hints,
      duplicates
    };
  } catch (e) {
    if (!(e instanceof ScoringUnavailable)) throw e;
    return {
      available: false,
      message: org.label('DR_Portal_Apex_Precheck_Unavailable'),
      missingFields: [],
      hints: [],
      duplicates: []
    };
  }
};

// ---------------------------------------------------------------- DealAssistController
/** The /v1/parse field names (the function's schema) the controller passes on to the form. */
const PARSE_FIELDS = new Set<string>(PARSE_FIELD_NAMES);

const parseText: Impl<'DealAssistController.parseText'> = async (org, user, p) => {
  const text = typeof p.text === 'string' ? p.text : '';
  if (!text.trim()) throw new AuraError(org.label('DR_Assist_Text_Required'));
  if (text.length > 20000) throw new AuraError(org.label('DR_Assist_Text_Too_Long', 20000));
  try {
    const response = await org.scoring.post<{
      fields: Record<string, unknown>;
      confidence: Record<string, number>;
      engine: string;
      fallback: boolean;
    }>('/v1/parse', { text, receivedAt: new Date().toISOString() });
    const fields: Record<string, unknown> = {};
    const confidence: Record<string, number> = {};
    for (const [k, v] of Object.entries(response.fields)) if (PARSE_FIELDS.has(k)) fields[k] = v;
    for (const [k, v] of Object.entries(response.confidence)) if (k in fields) confidence[k] = v;
    const empty = Object.keys(fields).length === 0;
    org.addAudit(
      '',
      'TEXT_PARSED',
      response.fallback ? 'FALLBACK' : 'SUCCESS',
      `engine=${response.engine}`,
      user.name
    );
    return {
      available: true,
      engine: response.engine,
      fields,
      confidence,
      message: empty
        ? org.label('DR_Assist_Parse_Empty')
        : org.label(response.fallback ? 'DR_Assist_Parse_Fallback' : 'DR_Assist_Parse_Done')
    };
  } catch (e) {
    if (!(e instanceof ScoringUnavailable)) throw e;
    return { available: false, message: org.label('DR_Assist_Unavailable') };
  }
};

const askStatus: Impl<'DealAssistController.askStatus'> = async (org, user, p) => {
  if (!p.dealId) throw new AuraError(org.label('DR_Assist_Registration_Required'));
  const question = typeof p.question === 'string' ? p.question : '';
  if (!question.trim()) throw new AuraError(org.label('DR_Assist_Question_Required'));
  let r: Registration;
  try {
    r = org.own(user, p.dealId);
  } catch {
    throw new AuraError(org.label('DR_Assist_Not_Found'));
  }
  const registration: Record<string, unknown> = {
    status: r.status,
    customerName: (r.customerName ?? r.name).slice(0, 255)
  };
  if (r.submittedAt) registration.submittedAt = r.submittedAt;
  if (r.decidedAt) registration.decidedAt = r.decidedAt;
  if (r.protectionExpiresOn) registration.protectionExpiresOn = r.protectionExpiresOn;
  if (r.partnerMessage) registration.partnerMessage = r.partnerMessage.slice(0, 4000);
  registration.history = r.history
    .filter((h) => h.status !== STATUS.SCORING)
    .slice(-100)
    .map((h) => ({
      at: h.at,
      status: h.status,
      ...(h.message ? { message: h.message.slice(0, 4000) } : {})
    }));
  try {
    const response = await org.scoring.post<{ answer: string; nextStep: string; engine: string }>(
      '/v1/status-answer',
      { question, registration }
    );
    return { available: true, answer: response.answer, nextStep: response.nextStep, engine: response.engine };
  } catch (e) {
    if (!(e instanceof ScoringUnavailable)) throw e;
    return { available: false, message: org.label('DR_Assist_Unavailable') };
  }
};

// ---------------------------------------------------------------- DealReviewController
function ageHours(submittedAt: string | undefined, now: Date): number | null {
  return submittedAt ? Math.max(0, (now.getTime() - Date.parse(submittedAt)) / 3_600_000) : null;
}

function partnerName(org: PreviewOrg, r: Registration): string | null {
  return org.accounts.get(r.partnerAccountId)?.name ?? null;
}

function reviewerName(org: PreviewOrg, r: Registration): string | null {
  return r.assignedReviewerId ? (org.users.get(r.assignedReviewerId)?.name ?? null) : null;
}

function toRow(org: PreviewOrg, r: Registration, now: Date): DealReviewQueueRow {
  const sla = org.settings.reviewSlaHours;
  const age = ageHours(r.submittedAt, now);
  const rec = r.recommendation;
  return {
    id: r.id,
    name: r.name,
    score: rec?.score ?? null,
    triage: rec?.triage ?? null,
    confidence: rec?.confidence ?? null,
    recommendedAction: rec?.recommendedAction ?? null,
    partnerId: r.partnerAccountId,
    partnerName: partnerName(org, r),
    partnerTier: org.accounts.get(r.partnerAccountId)?.tier ?? null,
    customerName: r.customerName ?? null,
    region: r.customerRegion ?? null,
    value: r.dealValue ?? null,
    currencyCode: r.dealCurrency ?? 'USD',
    status: r.status,
    submittedAt: r.submittedAt ?? null,
    ageHours: age,
    slaHours: sla,
    overdue: age !== null && age >= sla && r.status !== STATUS.MORE_INFO_REQUESTED,
    potentialConflict: r.potentialConflict,
    assignedReviewerName: reviewerName(org, r),
    partnerAnswered: !!r.partnerResponse
  };
}

const QUEUE_STATUSES = new Set<string>([
  STATUS.SUBMITTED,
  STATUS.SCORING,
  STATUS.IN_REVIEW,
  STATUS.CONFLICT_REVIEW,
  STATUS.MORE_INFO_REQUESTED
]);

const getConsoleSettings: Impl<'DealReviewController.getConsoleSettings'> = (org, user) => ({
  shadowMode: org.settings.shadowMode,
  reviewSlaHours: org.settings.reviewSlaHours,
  highValueAmount: org.settings.highValueAmount,
  smallDealLimit: org.smallDealLimit,
  canDecide: user.role === 'manager',
  partnerTierAvailable: true
});

const getQueue: Impl<'DealReviewController.getQueue'> = (org, user, p) => {
  org.requireManager(user);
  const q = p.query ?? {};
  const now = new Date();
  const statuses = q.statuses?.length ? q.statuses : [STATUS.IN_REVIEW, STATUS.CONFLICT_REVIEW];
  for (const s of statuses) {
    if (!QUEUE_STATUSES.has(s)) throw new AuraError(org.label('DR_Console_Invalid_Input', 'statuses', s));
  }
  const high = org.settings.highValueAmount;
  const band = (v: number | undefined): string =>
    v === undefined ? '' : v < org.smallDealLimit ? 'SMALL' : v >= high ? 'LARGE' : 'MEDIUM';
  let rows = [...org.registrations.values()]
    .filter((r) => statuses.includes(r.status))
    .filter((r) => !q.triage?.length || q.triage.includes(r.recommendation?.triage ?? ''))
    .filter((r) => !q.regions?.length || q.regions.includes(r.customerRegion ?? ''))
    .filter(
      (r) =>
        !q.partnerTiers?.length || q.partnerTiers.includes(org.accounts.get(r.partnerAccountId)?.tier ?? '')
    )
    .filter((r) => !q.valueBands?.length || q.valueBands.includes(band(r.dealValue)))
    .map((r) => toRow(org, r, now))
    .filter((row) => !q.overdueOnly || row.overdue);
  const sortBy = (q.sortBy || 'ageHours') as keyof DealReviewQueueRow;
  const dir = q.sortDirection ?? (sortBy === 'ageHours' ? 'desc' : 'asc');
  rows.sort((a, b) => {
    const x = a[sortBy] ?? null;
    const y = b[sortBy] ?? null;
    if (x === y) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * (dir === 'desc' ? -1 : 1);
  });
  const pageSize = Math.min(Math.max(q.pageSize ?? 50, 1), 200);
  const offset = q.cursor ? Number(q.cursor) : 0;
  const total = rows.length;
  rows = rows.slice(offset, offset + pageSize);
  const hasMore = offset + pageSize < total;
  return {
    rows,
    totalCount: total,
    hasMore,
    nextCursor: hasMore ? String(offset + pageSize) : null,
    slaHours: org.settings.reviewSlaHours
  };
};

const EXPECTED: Record<string, DealReviewAction> = {
  AUTO_APPROVE: 'APPROVE',
  REQUEST_MORE_INFO: 'REQUEST_INFO',
  REVIEW_CONFLICT: 'REJECT'
};
const ACTIONS: DealReviewAction[] = ['APPROVE', 'REJECT', 'REQUEST_INFO', 'REASSIGN'];

/** DealDecisionService.isOverride: a decision other than the one the AI's recommendation stands for. */
export function isOverride(recommendedAction: string | undefined, action: DealReviewAction): boolean {
  const expected = recommendedAction ? EXPECTED[recommendedAction] : undefined;
  return expected !== undefined && action !== 'REASSIGN' && expected !== action;
}

function loadForManager(org: PreviewOrg, user: User, id: unknown): Registration {
  org.requireManager(user);
  const r = typeof id === 'string' ? org.registrations.get(id) : undefined;
  if (!r) throw new AuraError(org.label('DR_Apex_Deal_Not_Found'));
  return r;
}

const getScoreCard: Impl<'DealReviewController.getScoreCard'> = (org, user, p) => {
  const r = loadForManager(org, user, p.dealId);
  const now = new Date();
  const age = ageHours(r.submittedAt, now);
  const rec = r.recommendation;
  const deal: DealReviewDealView = {
    id: r.id,
    name: r.name,
    partnerId: r.partnerAccountId,
    partnerName: partnerName(org, r),
    customerName: r.customerName ?? null,
    customerWebsite: r.customerWebsite ?? null,
    customerDomain: domainOf(r.customerWebsite) ?? null,
    customerCountry: r.customerCountry ?? null,
    region: r.customerRegion ?? null,
    industry: r.customerIndustry ?? null,
    employees: r.customerEmployees ?? null,
    opportunityName: r.opportunityName ?? null,
    value: r.dealValue ?? null,
    currencyCode: r.dealCurrency ?? null,
    closeDate: r.expectedCloseDate ?? null,
    products: r.products ?? null,
    status: r.status,
    submittedAt: r.submittedAt ?? null,
    decidedAt: r.decidedAt ?? null,
    createdDate: r.createdDate,
    score: rec?.score ?? null,
    triage: rec?.triage ?? null,
    confidence: rec?.confidence ?? null,
    recommendedAction: rec?.recommendedAction ?? null,
    summary: rec?.rationale ?? null,
    potentialConflict: r.potentialConflict,
    decisionReason: r.decisionReason ?? null,
    partnerResponse: r.partnerResponse ?? null,
    protectionExpiresOn: r.protectionExpiresOn ?? null,
    extensionRequested: r.extensionRequested,
    extensionReason: r.extensionReason ?? null,
    assignedReviewerName: reviewerName(org, r),
    routingRule: r.routingRule ?? null,
    routingQueue: r.routingQueue ?? null,
    reviewDueAt: r.reviewDueAt ?? null,
    escalationLevel: r.escalationLevel ?? 0,
    ageHours: age,
    slaHours: org.settings.reviewSlaHours,
    overdue: age !== null && age >= org.settings.reviewSlaHours && r.status !== STATUS.MORE_INFO_REQUESTED
  };
  const conflicts: DealReviewConflict[] = (rec?.conflicts ?? []).map((c) => {
    const other = org.registrations.get(c.candidateId);
    const account = org.accounts.get(c.candidateId);
    const base = {
      candidateId: c.candidateId,
      kind: c.kind,
      similarity: c.similarity,
      reasons: c.reasons,
      dealScore: c.deal?.score ?? null,
      sameDeal: c.deal ? c.deal.sameDeal : null,
      dealReasons: c.deal?.reasons ?? []
    };
    if (other) {
      return {
        ...base,
        visible: true,
        recordId: other.id,
        recordName: other.name,
        name: other.customerName ?? null,
        domain: domainOf(other.customerWebsite) ?? null,
        region: other.customerRegion ?? null,
        partnerName: partnerName(org, other),
        status: other.status,
        startedAt: other.submittedAt ?? other.createdDate,
        closeDate: other.expectedCloseDate ?? null,
        protectionExpiresOn: other.protectionExpiresOn ?? null,
        value: other.dealValue ?? null,
        currencyCode: other.dealCurrency ?? null,
        products: other.products ?? null,
        opportunityName: other.opportunityName ?? null
      };
    }
    if (account) {
      return {
        ...base,
        visible: true,
        recordId: account.id,
        recordName: account.name,
        name: account.name,
        domain: domainOf(account.website) ?? null,
        ownerName: 'Morgan Reyes'
      };
    }
    return { ...base, visible: false };
  });
  const recommendation: DealReviewRecommendation | null = rec
    ? {
        id: `a03${r.id.slice(3)}`,
        name: `REC-${r.name.slice(3)}`,
        score: rec.score,
        triage: rec.triage,
        confidence: rec.confidence,
        recommendedAction: rec.recommendedAction,
        rationale: rec.rationale,
        factors: rec.factors,
        missingFields: rec.missingFields,
        modelVersion: rec.modelVersion,
        rulesetVersion: rec.rulesetVersion,
        shadowMode: rec.shadowMode,
        applied: rec.applied,
        fallback: rec.fallback,
        humanDecision: rec.humanDecision ?? null,
        overridden: rec.overridden,
        overrideReason: rec.overrideReason ?? null,
        createdDate: rec.createdDate,
        parseWarnings: []
      }
    : null;
  const overrides: Partial<Record<DealReviewAction, boolean>> = {};
  for (const a of ACTIONS) overrides[a] = isOverride(rec?.recommendedAction, a);
  return {
    deal,
    recommendation,
    conflicts,
    overrides,
    recommendedDecision: rec ? (EXPECTED[rec.recommendedAction] ?? null) : null,
    shadowMode: org.settings.shadowMode,
    decisionOpen: org.isReviewable(r.status)
  };
};

const getAuditTimeline: Impl<'DealReviewController.getAuditTimeline'> = (org, user, p) => {
  const r = loadForManager(org, user, p.dealId);
  return org.audit
    .filter((a) => a.dealId === r.id)
    .slice()
    .reverse()
    .map((a) => ({
      id: a.id,
      name: a.name,
      eventType: a.eventType,
      actorName: a.actorName,
      outcome: a.outcome,
      detail: a.detail,
      modelVersion: a.modelVersion ?? null,
      rulesetVersion: a.rulesetVersion ?? null,
      latencyMs: a.latencyMs ?? null,
      createdDate: a.createdDate
    }));
};

const HUMAN_DECISION: Record<DealReviewAction, string> = {
  APPROVE: 'Approved',
  REJECT: 'Rejected',
  REQUEST_INFO: 'More Info Requested',
  REASSIGN: 'Reassigned'
};

const decide: Impl<'DealReviewController.decide'> = (org, user, p) => {
  org.requireManager(user);
  const action = String(p.action ?? '')
    .trim()
    .toUpperCase() as DealReviewAction;
  if (!ACTIONS.includes(action)) throw new AuraError(org.label('DR_Apex_Unknown_Action', p.action));
  const reason = typeof p.reason === 'string' ? p.reason.trim() : '';
  if (!reason) throw new AuraError(org.label('DR_Apex_Reason_Required'));
  if (action === 'REASSIGN' && !p.reassignToUserId)
    throw new AuraError(org.label('DR_Apex_Reassign_Target_Required'));
  const r = loadForManager(org, user, p.dealId);
  if (!org.isReviewable(r.status)) throw new AuraError(org.label('DR_Apex_Not_Reviewable', r.status));
  r.decisionReason = reason;
  if (action === 'APPROVE') org.approve(r, reason);
  else if (action === 'REJECT') {
    r.partnerMessage = org.label('DR_Apex_Rejected');
    r.decidedAt = new Date().toISOString();
    org.setStatus(r, STATUS.REJECTED, r.partnerMessage);
  } else if (action === 'REQUEST_INFO') {
    r.partnerMessage = org.label('DR_Apex_More_Info', reason).slice(0, 4000);
    r.partnerResponse = undefined;
    org.setStatus(r, STATUS.MORE_INFO_REQUESTED, r.partnerMessage);
  } else {
    const target = org.users.get(String(p.reassignToUserId));
    if (!target || target.role !== 'manager')
      throw new AuraError(org.label('DR_Apex_Reassign_Target_Required'));
    r.assignedReviewerId = target.id;
    r.lastModifiedDate = new Date().toISOString();
  }
  const overridden = isOverride(r.recommendation?.recommendedAction, action);
  if (r.recommendation && action !== 'REASSIGN') {
    r.recommendation.humanDecision = HUMAN_DECISION[action];
    r.recommendation.overridden = overridden;
    r.recommendation.overrideReason = overridden ? reason : undefined;
  }
  org.addAudit(r.id, 'DECISION', 'SUCCESS', `${action} (direct): ${reason}`, user.name, r.recommendation);
  return { dealId: r.id, action, overridden };
};

const decideExtension: Impl<'DealReviewController.decideExtension'> = (org, user, p) => {
  const r = loadForManager(org, user, p.dealId);
  const reason = typeof p.reason === 'string' ? p.reason.trim() : '';
  if (!reason) throw new AuraError(org.label('DR_Apex_Reason_Required'));
  if (!r.extensionRequested) throw new AuraError(org.label('DR_Apex_Extension_Not_Requested'));
  r.extensionRequested = false;
  if (p.approve) {
    r.extensionCount += 1;
    const base = r.protectionExpiresOn ? new Date(`${r.protectionExpiresOn}T00:00:00Z`) : new Date();
    r.protectionExpiresOn = new Date(base.getTime() + org.settings.extensionDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
  }
  org.addAudit(
    r.id,
    'EXTENSION_DECIDED',
    'SUCCESS',
    `${p.approve ? 'approved' : 'rejected'}: ${reason}`,
    user.name
  );
};

// ---------------------------------------------------------------- DealMetricsController
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const getMetrics: Impl<'DealMetricsController.getMetrics'> = (org, user, p) => {
  org.requireManager(user);
  const days = p.days === 90 ? 90 : 30;
  const now = new Date();
  const since = new Date(now.getTime() - days * 86_400_000);
  const all = [...org.registrations.values()];
  const decided = all.filter((r) => r.decidedAt && new Date(r.decidedAt) >= since && org.isDecided(r.status));
  const approved = decided.filter((r) => r.status === STATUS.APPROVED).length;
  const rejected = decided.filter((r) => r.status === STATUS.REJECTED).length;
  const hours = decided
    .filter((r) => r.submittedAt && r.decidedAt)
    .map((r) => (Date.parse(r.decidedAt as string) - Date.parse(r.submittedAt as string)) / 3_600_000);
  const reviewed = all.filter((r) => r.recommendation?.humanDecision);
  const overridden = reviewed.filter((r) => r.recommendation?.overridden).length;
  const submitted = all.filter((r) => r.submittedAt && new Date(r.submittedAt) >= since);
  const conflicts = submitted.filter((r) => r.potentialConflict).length;
  const live = all.filter((r) => r.recommendation && !r.recommendation.shadowMode);
  const auto = live.filter((r) => r.recommendation?.applied).length;
  const triageKeys = ['AUTO_APPROVED', 'NEEDS_REVIEW', 'FLAGGED_CONFLICT'];
  const triage = triageKeys.map((key) => ({
    key,
    count: submitted.filter((r) => r.recommendation?.triage === key).length,
    overSla: false
  }));
  const backlogKeys = ['LT_1D', 'D1_2', 'D2_7', 'GTE_7D', 'UNKNOWN'];
  const open = all.filter((r) => org.isReviewable(r.status));
  const bucket = (r: Registration): string => {
    const h = ageHours(r.submittedAt, now);
    if (h === null) return 'UNKNOWN';
    if (h < 24) return 'LT_1D';
    if (h < 48) return 'D1_2';
    if (h < 168) return 'D2_7';
    return 'GTE_7D';
  };
  const sla = org.settings.reviewSlaHours;
  const backlog = backlogKeys
    .map((key) => ({
      key,
      count: open.filter((r) => bucket(r) === key).length,
      overSla: key === 'D2_7' || key === 'GTE_7D' ? sla <= 48 : false
    }))
    .filter((b) => b.key !== 'UNKNOWN' || b.count > 0);
  const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);
  return {
    days,
    since: since.toISOString(),
    shadowMode: org.settings.shadowMode,
    slaHours: sla,
    decidedCount: decided.length,
    approvedCount: approved,
    rejectedCount: rejected,
    approvalRate: rate(approved, decided.length),
    medianHoursToDecision: median(hours),
    medianSampleSize: hours.length,
    medianSampled: false,
    reviewedRecommendations: reviewed.length,
    overriddenCount: overridden,
    overrideRate: rate(overridden, reviewed.length),
    agreementRate: rate(reviewed.length - overridden, reviewed.length),
    submittedCount: submitted.length,
    conflictCount: conflicts,
    conflictRate: rate(conflicts, submitted.length),
    liveRecommendations: live.length,
    autoApprovedCount: auto,
    autoApprovalRate: rate(auto, live.length),
    triage,
    backlog,
    backlogTotal: open.length,
    overdueCount: open.filter((r) => (ageHours(r.submittedAt, now) ?? 0) >= sla).length
  };
};

/** Every @AuraEnabled method the preview org answers, by `Class.method`. */
export const CONTROLLERS = {
  'DealRegistrationPortalController.getMyRegistrations': getMyRegistrations,
  'DealRegistrationPortalController.getRegistration': getRegistration,
  'DealRegistrationPortalController.getPriorCustomers': getPriorCustomers,
  'DealRegistrationPortalController.suggestAccounts': suggestAccounts,
  'DealRegistrationPortalController.saveDraft': saveDraft,
  'DealRegistrationPortalController.submit': submit,
  'DealRegistrationPortalController.withdraw': withdraw,
  'DealRegistrationPortalController.requestExtension': requestExtension,
  'DealRegistrationPortalController.precheck': precheck,
  'DealAssistController.parseText': parseText,
  'DealAssistController.askStatus': askStatus,
  'DealReviewController.getConsoleSettings': getConsoleSettings,
  'DealReviewController.getQueue': getQueue,
  'DealReviewController.getScoreCard': getScoreCard,
  'DealReviewController.getAuditTimeline': getAuditTimeline,
  'DealReviewController.decide': decide,
  'DealReviewController.decideExtension': decideExtension,
  'DealMetricsController.getMetrics': getMetrics,
  ...MDF_CONTROLLERS,
  ...NOTIFICATION_CONTROLLERS,
  ...FORECAST_CONTROLLERS,
  ...PARTNER_CONTROLLERS,
  ...ENABLEMENT_CONTROLLERS
} satisfies { [K in keyof Contract]: Impl<K> };

export type ControllerName = keyof typeof CONTROLLERS;

/** Calls one method as the given user; AuraError becomes the message the component shows. */
export async function invoke(org: PreviewOrg, user: User, name: string, params: unknown): Promise<unknown> {
  const impl = (CONTROLLERS as Record<string, (o: PreviewOrg, u: User, p: unknown) => unknown>)[name];
  if (!impl) throw new AuraError(`preview org: no implementation of ${name}`);
  return impl(org, user, (params ?? {}) as never);
}

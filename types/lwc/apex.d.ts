// One declaration per @salesforce/apex import used by a component: parameters and result types.
// Shapes mirror the Apex DTOs (docs/contract.md); keep both in step.

// ---- Partner portal (issue 5): DealRegistrationPortalController and its DTOs (DealPortalDto.*) ----

/** What a wired Apex method is to TypeScript: callable imperatively and usable with @wire. */
type DealPortalApexWire<P extends Record<string, unknown>, R> = ((params: P) => Promise<R>) &
  import('lwc').WireAdapterConstructor<P, { data?: R; error?: unknown }>;

/** DealPortalDto.Draft: what the partner can type. Every field optional while drafting. */
interface DealPortalDraft {
  id?: string | null;
  customerName?: string | null;
  customerWebsite?: string | null;
  customerCountry?: string | null;
  customerRegion?: string | null;
  customerIndustry?: string | null;
  customerEmployees?: number | null;
  opportunityName?: string | null;
  dealValue?: number | null;
  dealCurrency?: string | null;
  expectedCloseDate?: string | null;
  products?: string | null;
  description?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  contactTitle?: string | null;
  partnerResponse?: string | null;
  /** /v1/parse names of fields filled from an email (email intake) and not yet confirmed. */
  fieldsToConfirm?: string[] | null;
}

/** DealPortalDto.Registration: one of the company's registrations, partner-safe fields only. */
interface DealPortalRegistration extends DealPortalDraft {
  id: string;
  name: string;
  status: string;
  submittedAt?: string | null;
  decidedAt?: string | null;
  protectionStartsOn?: string | null;
  protectionExpiresOn?: string | null;
  partnerMessage?: string | null;
  extensionRequested: boolean;
  extensionCount: number;
  lastModifiedDate?: string | null;
  /** Source__c: Portal, Email Intake, Manual, API. */
  origin?: string | null;
  /** Created by email intake from a forwarded email. */
  fromEmail?: boolean | null;
  canEdit: boolean;
  canSubmit: boolean;
  canRespond: boolean;
  canWithdraw: boolean;
  canRequestExtension: boolean;
}

interface DealPortalMissingField {
  field: string;
  required: boolean;
  hint?: string | null;
}

interface DealPortalDuplicate {
  message: string;
  ownCompany: boolean;
  /** Only for the partner's own company's registrations; never another partner's. */
  registrationName?: string | null;
}

/** DealPortalDto.PrecheckResult: partner-safe; available=false when the scoring function is unreachable. */
interface DealPortalPrecheckResult {
  available: boolean;
  message?: string | null;
  completeness?: number | null;
  missingFields: DealPortalMissingField[];
  hints: string[];
  duplicates: DealPortalDuplicate[];
  rulesetVersion?: string | null;
}

/** DealPortalDto.PriorCustomer: a customer from the company's earlier registrations. */
interface DealPortalPriorCustomer {
  customerName: string;
  customerWebsite?: string | null;
  customerCountry?: string | null;
  customerRegion?: string | null;
  customerIndustry?: string | null;
  customerEmployees?: number | null;
  lastRegisteredOn?: string | null;
}

/** DealPortalDto.AccountSuggestion: an Account the running user can see whose name matches. */
interface DealPortalAccountSuggestion {
  name: string;
  website?: string | null;
  exactMatch: boolean;
}

/** DealPortalDto.SubmitResult: what the acknowledgment needs. */
interface DealPortalSubmitResult {
  id: string;
  name: string;
  status: string;
  reviewSlaHours: number;
  protectionDays: number;
}

declare module '@salesforce/apex/DealRegistrationPortalController.getMyRegistrations' {
  const getMyRegistrations: DealPortalApexWire<{ status?: string | null }, DealPortalRegistration[]>;
  export default getMyRegistrations;
}
declare module '@salesforce/apex/DealRegistrationPortalController.getRegistration' {
  export default function getRegistration(params: {
    registrationId: string;
  }): Promise<DealPortalRegistration>;
}
declare module '@salesforce/apex/DealRegistrationPortalController.saveDraft' {
  export default function saveDraft(params: { draft: DealPortalDraft }): Promise<string>;
}
declare module '@salesforce/apex/DealRegistrationPortalController.submit' {
  export default function submit(params: { draft: DealPortalDraft }): Promise<DealPortalSubmitResult>;
}
declare module '@salesforce/apex/DealRegistrationPortalController.withdraw' {
  export default function withdraw(params: { registrationId: string; reason: string }): Promise<void>;
}
declare module '@salesforce/apex/DealRegistrationPortalController.requestExtension' {
  export default function requestExtension(params: { registrationId: string; reason: string }): Promise<void>;
}
declare module '@salesforce/apex/DealRegistrationPortalController.getPriorCustomers' {
  const getPriorCustomers: DealPortalApexWire<Record<string, never>, DealPortalPriorCustomer[]>;
  export default getPriorCustomers;
}
declare module '@salesforce/apex/DealRegistrationPortalController.suggestAccounts' {
  export default function suggestAccounts(params: { name: string }): Promise<DealPortalAccountSuggestion[]>;
}
declare module '@salesforce/apex/DealRegistrationPortalController.precheck' {
  export default function precheck(params: { draft: DealPortalDraft }): Promise<DealPortalPrecheckResult>;
}

// ---- DealAssistController (owned by the AI engineer, issue 7); declared here first by the portal (issue 5). ----
interface DealAssistParseResult {
  available: boolean;
  engine?: string | null;
  fields?: Record<string, unknown> | null;
  confidence?: Record<string, number> | null;
  message?: string | null;
}
interface DealAssistStatusAnswer {
  available: boolean;
  answer?: string | null;
  nextStep?: string | null;
  engine?: string | null;
  message?: string | null;
}
declare module '@salesforce/apex/DealAssistController.parseText' {
  export default function parseText(params: { text: string }): Promise<DealAssistParseResult>;
}
declare module '@salesforce/apex/DealAssistController.askStatus' {
  export default function askStatus(params: {
    dealId: string;
    question: string;
  }): Promise<DealAssistStatusAnswer>;
}

// ---- Channel manager console (issue 6): DealReviewController, DealMetricsController ----

/** DealReviewDto.QueueQuery: filters, sort and paging of the review queue. */
interface DealReviewQueueQuery {
  triage?: string[];
  regions?: string[];
  partnerTiers?: string[];
  valueBands?: string[];
  statuses?: string[];
  overdueOnly?: boolean;
  sortBy?: string;
  sortDirection?: 'asc' | 'desc';
  pageSize?: number;
  cursor?: string | null;
}

/** DealReviewDto.QueueRow */
interface DealReviewQueueRow {
  id: string;
  name: string;
  score?: number | null;
  triage?: string | null;
  confidence?: string | null;
  recommendedAction?: string | null;
  partnerId?: string | null;
  partnerName?: string | null;
  partnerTier?: string | null;
  customerName?: string | null;
  region?: string | null;
  value?: number | null;
  currencyCode?: string | null;
  status: string;
  submittedAt?: string | null;
  ageHours?: number | null;
  slaHours?: number | null;
  overdue: boolean;
  potentialConflict: boolean;
  assignedReviewerName?: string | null;
  partnerAnswered?: boolean;
}

/** DealReviewDto.QueuePage */
interface DealReviewQueuePage {
  rows: DealReviewQueueRow[];
  /** counted up to a cap (COUNT() reads rows against the 50,000-row limit) */
  totalCount: number;
  /** true when more rows match than were counted: totalCount is a floor */
  totalCapped?: boolean;
  hasMore: boolean;
  nextCursor?: string | null;
  slaHours?: number | null;
}

/** DealReviewDto.ConsoleSettings */
interface DealReviewConsoleSettings {
  shadowMode: boolean;
  reviewSlaHours?: number | null;
  highValueAmount?: number | null;
  smallDealLimit?: number | null;
  canDecide: boolean;
  partnerTierAvailable: boolean;
}

/** DealReviewDto.DealView */
interface DealReviewDealView {
  id: string;
  name: string;
  partnerId?: string | null;
  partnerName?: string | null;
  customerName?: string | null;
  customerWebsite?: string | null;
  customerDomain?: string | null;
  customerCountry?: string | null;
  region?: string | null;
  industry?: string | null;
  employees?: number | null;
  opportunityName?: string | null;
  value?: number | null;
  currencyCode?: string | null;
  closeDate?: string | null;
  products?: string | null;
  status: string;
  submittedAt?: string | null;
  decidedAt?: string | null;
  createdDate?: string | null;
  score?: number | null;
  triage?: string | null;
  confidence?: string | null;
  recommendedAction?: string | null;
  summary?: string | null;
  potentialConflict: boolean;
  decisionReason?: string | null;
  partnerResponse?: string | null;
  protectionExpiresOn?: string | null;
  extensionRequested: boolean;
  extensionReason?: string | null;
  assignedReviewerName?: string | null;
  ageHours?: number | null;
  slaHours?: number | null;
  overdue: boolean;
}

/** DealReviewDto.Factor */
interface DealReviewFactor {
  code: string;
  category?: string | null;
  label: string;
  points: number;
  detail?: string | null;
}

/** DealReviewDto.RecommendationView */
interface DealReviewRecommendation {
  id: string;
  name: string;
  score?: number | null;
  triage?: string | null;
  confidence?: string | null;
  recommendedAction?: string | null;
  rationale?: string | null;
  factors: DealReviewFactor[];
  missingFields: string[];
  modelVersion?: string | null;
  rulesetVersion?: string | null;
  shadowMode: boolean;
  applied: boolean;
  fallback: boolean;
  humanDecision?: string | null;
  overridden: boolean;
  overrideReason?: string | null;
  createdDate?: string | null;
  parseWarnings: string[];
}

/** DealReviewDto.ConflictView */
interface DealReviewConflict {
  candidateId: string;
  kind?: string | null;
  similarity?: number | null;
  reasons: string[];
  visible: boolean;
  recordId?: string | null;
  recordName?: string | null;
  name?: string | null;
  domain?: string | null;
  region?: string | null;
  partnerName?: string | null;
  ownerName?: string | null;
  status?: string | null;
  startedAt?: string | null;
  closeDate?: string | null;
  protectionExpiresOn?: string | null;
  value?: number | null;
  currencyCode?: string | null;
  products?: string | null;
}

type DealReviewAction = 'APPROVE' | 'REJECT' | 'REQUEST_INFO' | 'REASSIGN';

/** DealReviewDto.ScoreCard */
interface DealReviewScoreCard {
  deal: DealReviewDealView;
  recommendation?: DealReviewRecommendation | null;
  conflicts: DealReviewConflict[];
  overrides: Partial<Record<DealReviewAction, boolean>>;
  recommendedDecision?: DealReviewAction | null;
  shadowMode: boolean;
  decisionOpen: boolean;
}

/** DealReviewDto.TimelineEntry */
interface DealReviewTimelineEntry {
  id: string;
  name: string;
  eventType?: string | null;
  actorName?: string | null;
  outcome?: string | null;
  detail?: string | null;
  modelVersion?: string | null;
  rulesetVersion?: string | null;
  latencyMs?: number | null;
  createdDate?: string | null;
}

/** DealReviewDto.DecisionResult */
interface DealReviewDecisionResult {
  dealId: string;
  action: DealReviewAction;
  overridden: boolean;
}

/** DealMetricsController.Bucket */
interface DealMetricsBucket {
  key: string;
  count: number;
  overSla: boolean;
}

/** DealMetricsController.Metrics: rates are fractions 0-1, null when there is nothing to measure. */
interface DealMetricsResult {
  days: number;
  since?: string | null;
  shadowMode: boolean;
  slaHours?: number | null;
  decidedCount: number;
  approvedCount: number;
  rejectedCount: number;
  approvalRate?: number | null;
  medianHoursToDecision?: number | null;
  medianSampleSize: number;
  medianSampled: boolean;
  reviewedRecommendations: number;
  overriddenCount: number;
  overrideRate?: number | null;
  agreementRate?: number | null;
  submittedCount: number;
  conflictCount: number;
  conflictRate?: number | null;
  liveRecommendations: number;
  autoApprovedCount: number;
  autoApprovalRate?: number | null;
  triage: DealMetricsBucket[];
  backlog: DealMetricsBucket[];
  backlogTotal: number;
  overdueCount: number;
  /** sections skipped because their rows passed the row cap; their figures are null */
  cappedMetrics?: string[];
}

declare module '@salesforce/apex/DealReviewController.getConsoleSettings' {
  export default function getConsoleSettings(): Promise<DealReviewConsoleSettings>;
}
declare module '@salesforce/apex/DealReviewController.getQueue' {
  export default function getQueue(params: { query: DealReviewQueueQuery }): Promise<DealReviewQueuePage>;
}
declare module '@salesforce/apex/DealReviewController.getScoreCard' {
  export default function getScoreCard(params: { dealId: string }): Promise<DealReviewScoreCard>;
}
declare module '@salesforce/apex/DealReviewController.getAuditTimeline' {
  export default function getAuditTimeline(params: { dealId: string }): Promise<DealReviewTimelineEntry[]>;
}
declare module '@salesforce/apex/DealReviewController.decide' {
  export default function decide(params: {
    dealId: string;
    action: DealReviewAction;
    reason: string;
    reassignToUserId: string | null;
  }): Promise<DealReviewDecisionResult>;
}
declare module '@salesforce/apex/DealReviewController.decideExtension' {
  export default function decideExtension(params: {
    dealId: string;
    approve: boolean;
    reason: string;
  }): Promise<void>;
}
declare module '@salesforce/apex/DealMetricsController.getMetrics' {
  export default function getMetrics(params: { days: number }): Promise<DealMetricsResult>;
}

// ---- EnablementFeedController (issue 15 §2, the enablement feed) ----
/** EnablementService.FeedItem */
interface EnablementFeedItem {
  id: string;
  rank: number;
  title: string;
  summary?: string | null;
  /** TRAINING | BATTLE_CARD | ASSET */
  contentType: string;
  level?: string | null;
  url?: string | null;
  because?: string | null;
  reasons?: string[];
}
/** EnablementService.Feed */
interface EnablementFeedResult {
  available: boolean;
  message?: string | null;
  engine?: string | null;
  items?: EnablementFeedItem[];
}
declare module '@salesforce/apex/EnablementFeedController.getFeed' {
  export default function getFeed(): Promise<EnablementFeedResult>;
}
declare module '@salesforce/apex/EnablementFeedController.recordFeedback' {
  export default function recordFeedback(params: { contentId: string; verdict: string }): Promise<void>;
}

// One declaration per @salesforce/apex import used by a component: parameters and result types.
// Shapes mirror the Apex DTOs (docs/contract.md); keep both in step.

// ---- Partner portal (issue 5): DealRegistrationPortalController and its DTOs (DealPortalDto.*) ----

/** What a wired Apex method is to TypeScript: callable imperatively and usable with @wire. */
type DealPortalApexWire<P extends Record<string, unknown>, R> = ((params: P) => Promise<R>) &
  import('lwc').WireAdapterConstructor<P, { data?: R; error?: unknown }>;

/** DealPortalDto.Draft: what the partner can type. Every field optional while drafting. */
interface DealPortalDraft {
  id?: string | null;
  // BEGIN GENERATED registrationFields (from vocabulary/vocabulary.json registrationFields by npm run generate): do not edit
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
  // END GENERATED registrationFields
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
  routingRule?: string | null;
  routingQueue?: string | null;
  reviewDueAt?: string | null;
  escalationLevel?: number | null;
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
  opportunityName?: string | null;
  dealScore?: number | null;
  sameDeal?: boolean | null;
  dealReasons: string[];
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

// ---- MDF claims (issue 14, package force-app-mdf): MdfClaimController, MdfClaimReviewController, MdfClaimDto.* ----

/** MdfClaimDto.CostLine */
interface MdfCostLine {
  description: string;
  category: string;
  amount: number;
}

/** MdfClaimDto.Draft: what the partner typed (dates as YYYY-MM-DD). */
interface MdfClaimDraft {
  claimId?: string | null;
  title?: string | null;
  amount?: number | null;
  activityStartDate?: string | null;
  activityEndDate?: string | null;
  costLines?: MdfCostLine[] | null;
  dealRegistrationId?: string | null;
  explanation?: string | null;
}

/** MdfClaimDto.Option */
interface MdfOption {
  label: string;
  value: string;
}

/** MdfClaimDto.FieldView: one extracted field (sourceText only for managers). */
interface MdfFieldView {
  name: string;
  label: string;
  value?: string | null;
  confidence?: number | null;
  sourceText?: string | null;
  claimValue?: string | null;
}

/** MdfClaimDto.DocumentView */
interface MdfDocumentView {
  contentDocumentId: string;
  fileName: string;
  role: 'invoice' | 'proof';
  checked: boolean;
  textSource?: string | null;
  fields: MdfFieldView[];
}

/** MdfClaimDto.Claim: a claim as the partner sees it. */
interface MdfClaimView {
  claimId: string;
  title: string;
  stage: string;
  amount?: number | null;
  currencyIsoCode?: string | null;
  activityStartDate?: string | null;
  activityEndDate?: string | null;
  costLines: MdfCostLine[];
  dealRegistrationId?: string | null;
  dealRegistrationName?: string | null;
  explanation?: string | null;
  checkedAt?: string | null;
  documents: MdfDocumentView[];
  messages: string[];
  decisionReason?: string | null;
  canEdit: boolean;
  canSubmit: boolean;
}

/** MdfClaimDto.Context: the fund request, the policy and the partner's open claim. */
interface MdfClaimContext {
  fundRequestId: string;
  fundRequestTitle: string;
  activityType?: string | null;
  approvedAmount?: number | null;
  currencyIsoCode?: string | null;
  activityStartDate?: string | null;
  activityEndDate?: string | null;
  claimDeadline?: string | null;
  claimable: boolean;
  notClaimableReason?: string | null;
  coFundingPercent?: number | null;
  costCategories: string[];
  proofRequired: boolean;
  claimsMade: number;
  maxClaims?: number | null;
  registrations: MdfOption[];
  claim?: MdfClaimView | null;
}

/** MdfClaimDto.FactorView: one discrepancy with its evidence (manager-only). */
interface MdfFactorView {
  code: string;
  /** INFO | WARNING | CRITICAL */
  severity: string;
  sentence: string;
  evidence: string[];
}

/** MdfClaimDto.Review: a claim as the channel manager reviews it. */
interface MdfClaimReview extends MdfClaimView {
  partnerName?: string | null;
  fundRequestTitle?: string | null;
  approvedAmount?: number | null;
  recommendation?: 'APPROVE' | 'REVIEW' | 'REJECT' | null;
  summary?: string | null;
  recommendedPayout?: number | null;
  factors: MdfFactorView[];
  reconciliation: MdfOption[];
  pendingApproval: boolean;
  humanDecision?: string | null;
  overridden?: boolean | null;
  checkVersion?: string | null;
}

type MdfDecisionAction = 'APPROVE' | 'REJECT' | 'REQUEST_INFO';

declare module '@salesforce/apex/MdfClaimController.getClaimContext' {
  export default function getClaimContext(params: { fundRequestId: string }): Promise<MdfClaimContext>;
}
declare module '@salesforce/apex/MdfClaimController.saveDraft' {
  export default function saveDraft(params: {
    fundRequestId: string;
    draft: MdfClaimDraft;
  }): Promise<MdfClaimView>;
}
declare module '@salesforce/apex/MdfClaimController.checkClaim' {
  export default function checkClaim(params: { claimId: string }): Promise<MdfClaimView>;
}
declare module '@salesforce/apex/MdfClaimController.submitClaim' {
  export default function submitClaim(params: {
    claimId: string;
    explanation: string | null;
  }): Promise<MdfClaimView>;
}
declare module '@salesforce/apex/MdfClaimReviewController.getReview' {
  export default function getReview(params: { claimId: string }): Promise<MdfClaimReview>;
}
declare module '@salesforce/apex/MdfClaimReviewController.decide' {
  export default function decide(params: {
    claimId: string;
    action: MdfDecisionAction;
    reason: string | null;
  }): Promise<MdfClaimReview>;
}

// ---- Routing and notifications (issue 16): DealNotificationPreferenceController ----

/** DealNotificationPreferenceController.EventOption */
interface DealNotificationEventOption {
  code: string;
  label: string;
  enabled: boolean;
}

/** DealNotificationPreferenceController.PreferenceView */
interface DealNotificationPreferenceView {
  audience: 'partner' | 'manager';
  events: DealNotificationEventOption[];
  bellOnly: boolean;
  dailyDigest: boolean;
  outOfOffice: boolean;
  outOfOfficeUntil?: string | null;
}

/** DealNotificationPreferenceController.PreferenceInput */
interface DealNotificationPreferenceInput {
  enabledEvents: string[];
  bellOnly: boolean;
  dailyDigest: boolean;
  outOfOffice: boolean;
  outOfOfficeUntil: string | null;
}

declare module '@salesforce/apex/DealNotificationPreferenceController.getMyPreferences' {
  export default function getMyPreferences(): Promise<DealNotificationPreferenceView>;
}
declare module '@salesforce/apex/DealNotificationPreferenceController.saveMyPreferences' {
  export default function saveMyPreferences(params: {
    input: DealNotificationPreferenceInput;
  }): Promise<DealNotificationPreferenceView>;
}

// ---- Channel forecast (issue 12): ChannelForecastController ----

/** ChannelForecastController.SegmentView: a region x tier segment (SEGMENT) or a top partner (PARTNER). */
interface ChannelForecastSegment {
  key: string;
  label: string;
  kind: string;
  p10?: number | null;
  p50?: number | null;
  p90?: number | null;
  openDeals?: number | null;
  history?: string | null;
}

/** ChannelForecastController.DriverView */
interface ChannelForecastDriver {
  code: string;
  label: string;
  amount?: number | null;
}

/** ChannelForecastController.QuarterView: amounts in the run's corporate currency. */
interface ChannelForecastQuarter {
  id: string;
  startDate: string;
  endDate: string;
  p10?: number | null;
  p50?: number | null;
  p90?: number | null;
  closedToDate?: number | null;
  registered?: number | null;
  notYetRegistered?: number | null;
  stageProbability?: number | null;
  lastYear?: number | null;
  history?: string | null;
  segments: ChannelForecastSegment[];
  drivers: ChannelForecastDriver[];
}

/** ChannelForecastController.InsightView: audience MANAGER_ONLY or PARTNER_SAFE. */
interface ChannelForecastInsight {
  code: string;
  severity: string;
  audience: string;
  text: string;
}

/** ChannelForecastController.LastQuarterView */
interface ChannelForecastLastQuarter {
  id: string;
  forecastOn?: string | null;
  p10?: number | null;
  p50?: number | null;
  p90?: number | null;
  actual?: number | null;
}

/** ChannelForecastController.ForecastView: no runId before the first run. */
interface ChannelForecastView {
  runId?: string | null;
  runAt?: string | null;
  asOf?: string | null;
  currencyCode?: string | null;
  modelVersion?: string | null;
  quarters: ChannelForecastQuarter[];
  insights: ChannelForecastInsight[];
  lastQuarter?: ChannelForecastLastQuarter | null;
}

declare module '@salesforce/apex/ChannelForecastController.getForecast' {
  export default function getForecast(): Promise<ChannelForecastView>;
}
declare module '@salesforce/apex/ChannelForecastController.runForecast' {
  export default function runForecast(): Promise<string>;
}

// ---- Partner lifecycle (issue 15 §1, §3): PartnerOnboardingController (portal), PartnerConsoleController (console). ----
interface PartnerOnboardingStep {
  key: string;
  title: string;
  description?: string | null;
  owner: string;
  partnerOwned: boolean;
  dueOn?: string | null;
  overdue: boolean;
  evidenceRequired: boolean;
  evidenceHint?: string | null;
  unlocks?: string | null;
  milestone?: string | null;
  /** completed by the system when its milestone is reached */
  automatic: boolean;
  done: boolean;
  doneOn?: string | null;
  /** the partner's own evidence; never set on manager-owned steps */
  evidence?: string | null;
}
interface PartnerOnboardingView {
  exists: boolean;
  partnerType?: string | null;
  status?: string | null;
  percentComplete: number;
  stepsDone: number;
  stepsTotal: number;
  startedOn?: string | null;
  nextStep?: PartnerOnboardingStep | null;
  steps: PartnerOnboardingStep[];
}
interface PartnerOnboardingAnswer {
  available: boolean;
  known: boolean;
  answer?: string | null;
  sources: string[];
  engine?: string | null;
  message?: string | null;
}
interface PartnerStandingView {
  tier?: string | null;
  nextTier?: string | null;
  summary?: string | null;
  gaps: string[];
  reviewedOn?: string | null;
  reviewed: boolean;
}
interface PartnerTierReviewRow {
  id: string;
  accountId: string;
  accountName?: string | null;
  action: string;
  currentTier?: string | null;
  recommendedTier?: string | null;
  evidence: string[];
  createdDate?: string | null;
  approvalStatus?: string | null;
  pending: boolean;
}
interface PartnerStalledRow {
  id: string;
  accountId: string;
  accountName?: string | null;
  partnerType?: string | null;
  percentComplete?: number | null;
  nextStep?: string | null;
  nextDueOn?: string | null;
  daysOverdue: number;
  managerName?: string | null;
  /** the first open step the partner manager owns */
  managerStepKey?: string | null;
  managerStepTitle?: string | null;
}
declare module '@salesforce/apex/PartnerOnboardingController.getMyOnboarding' {
  export default function getMyOnboarding(): Promise<PartnerOnboardingView>;
}
declare module '@salesforce/apex/PartnerOnboardingController.completeMyStep' {
  export default function completeMyStep(params: {
    stepKey: string;
    evidence: string | null;
  }): Promise<PartnerOnboardingView>;
}
declare module '@salesforce/apex/PartnerOnboardingController.askOnboarding' {
  export default function askOnboarding(params: { question: string }): Promise<PartnerOnboardingAnswer>;
}
declare module '@salesforce/apex/PartnerOnboardingController.getMyStanding' {
  export default function getMyStanding(): Promise<PartnerStandingView>;
}
declare module '@salesforce/apex/PartnerConsoleController.getTierReviews' {
  export default function getTierReviews(): Promise<PartnerTierReviewRow[]>;
}
declare module '@salesforce/apex/PartnerConsoleController.decideTierReview' {
  export default function decideTierReview(params: {
    recommendationId: string;
    decision: 'Approve' | 'Reject';
    comment: string | null;
  }): Promise<PartnerTierReviewRow[]>;
}
declare module '@salesforce/apex/PartnerConsoleController.completeManagerStep' {
  export default function completeManagerStep(params: {
    onboardingId: string;
    stepKey: string;
    evidence: string | null;
  }): Promise<PartnerStalledRow[]>;
}
declare module '@salesforce/apex/PartnerConsoleController.getStalledOnboardings' {
  export default function getStalledOnboardings(): Promise<PartnerStalledRow[]>;
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

/**
 * The shared vocabulary for Lightning Web Components (import from 'c/dealVocabulary').
 * Generated from vocabulary/vocabulary.json by scripts/generate-vocabulary.mjs (npm run generate). Do not edit.
 */

/** Registration status picklist values by constant name. */
export const STATUS = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  SCORING: 'Scoring',
  IN_REVIEW: 'In Review',
  CONFLICT_REVIEW: 'Conflict Review',
  MORE_INFO_REQUESTED: 'More Info Requested',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  WITHDRAWN: 'Withdrawn'
} as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];

/** Status groups: INITIAL, ACTIVE (still claims its customer), REVIEWABLE, DECIDED. */
export const STATUS_GROUPS: { readonly [group: string]: readonly Status[] } = {
  INITIAL: [STATUS.DRAFT, STATUS.SUBMITTED],
  ACTIVE: [
    STATUS.SUBMITTED,
    STATUS.SCORING,
    STATUS.IN_REVIEW,
    STATUS.CONFLICT_REVIEW,
    STATUS.MORE_INFO_REQUESTED,
    STATUS.APPROVED
  ],
  REVIEWABLE: [STATUS.IN_REVIEW, STATUS.CONFLICT_REVIEW],
  DECIDED: [STATUS.APPROVED, STATUS.REJECTED, STATUS.EXPIRED]
};

export const TRIAGE = ['AUTO_APPROVED', 'NEEDS_REVIEW', 'FLAGGED_CONFLICT'] as const;
export type Triage = (typeof TRIAGE)[number];

export const CONFIDENCE = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

export const RECOMMENDED_ACTIONS = [
  'AUTO_APPROVE',
  'ROUTE_FOR_REVIEW',
  'REVIEW_CONFLICT',
  'REQUEST_MORE_INFO'
] as const;
export type RecommendedAction = (typeof RECOMMENDED_ACTIONS)[number];

export const FACTOR_CATEGORIES = ['COMPLETENESS', 'CONFLICT', 'PARTNER_FIT', 'DEAL_QUALITY'] as const;
export type FactorCategory = (typeof FACTOR_CATEGORIES)[number];

export const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;
export type Region = (typeof REGIONS)[number];

export const TIERS = ['PLATINUM', 'GOLD', 'SILVER', 'REGISTERED'] as const;
export type Tier = (typeof TIERS)[number];

/** Contract paths a registration needs before it can be decided ("customer.name", ...). */
export const REQUIRED_FIELDS = [
  'customer.name',
  'opportunity.amount',
  'opportunity.closeDate',
  'contact.name',
  'contact.email'
] as const;
export type RequiredField = (typeof REQUIRED_FIELDS)[number];

/** Partner-facing label of each contract path. */
export const FIELD_LABELS = {
  'customer.name': 'customer name',
  'customer.country': 'customer country',
  'customer.region': 'sales region',
  'customer.industry': 'customer industry',
  'customer.employees': 'customer size',
  'opportunity.name': 'opportunity name',
  'opportunity.amount': 'deal value',
  'opportunity.closeDate': 'expected close date',
  'opportunity.products': 'products',
  'opportunity.description': 'description',
  'contact.name': 'customer contact name',
  'contact.email': 'customer contact email',
  'contact.phone': 'contact phone',
  'contact.title': 'contact title',
  'customer.domain': 'customer website'
} as const;
export type FieldPath = keyof typeof FIELD_LABELS;

/** Default of each Deal_Scoring_Setting__mdt value. */
export const SETTING_DEFAULTS = {
  reviewThreshold: 70,
  conflictThreshold: 0.82,
  highValueAmount: 250000,
  protectionDays: 90,
  shadowMode: true,
  candidateLimit: 200,
  calloutTimeoutMs: 10000,
  retryLimit: 3,
  reviewSlaHours: 48,
  reminderDays: 14,
  extensionDays: 30,
  portalCalloutTimeoutMs: 4000,
  portalCallsPerUserHour: 60,
  portalCallsPerDay: 5000,
  stuckRepublishLimit: 3,
  auditRetentionDays: 730,
  rulesetVersion: null,
  exclusivity: 'CUSTOMER',
  highPotentialScore: 85,
  notificationFromAddress: null,
  programmeOwnerUsername: null
} as const;

// Request and response schemas of the partner-lifecycle routes (/v1/partner/tier-review,
// /v1/partner/onboarding-answer): the single source of validation, TypeScript types and OpenAPI.
import { Type, type Static } from '@sinclair/typebox';
import { NON_BLANK } from '../validation';
import { Tier } from '../schemas';
import { EngineSchema, IsoDateTime, UsageSchema } from '../ai/schemas';

const strict = { additionalProperties: false } as const;
const NonBlank = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: NON_BLANK, ...(description ? { description } : {}) });
const Ratio = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const Count = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000, description });
const Money = (description: string) => Type.Number({ minimum: 0, maximum: 1e12, description });

/** The tier actions a review can recommend (AI_Recommendation__c.Tier_Action__c picklist, checked by a test). */
export const TIER_ACTIONS = ['PROMOTE', 'KEEP', 'AT_RISK', 'DEMOTE'] as const;
export type TierAction = (typeof TIER_ACTIONS)[number];
export const TierActionSchema = Type.Union(TIER_ACTIONS.map((a) => Type.Literal(a)));

/** The measures a tier threshold can name, in the order evidence is written. */
export const TIER_METRICS = [
  'registrations',
  'approvalRate',
  'closedWonRevenue',
  'certifications',
  'onboardingCompletion'
] as const;
export type TierMetric = (typeof TIER_METRICS)[number];
export const TierMetricSchema = Type.Union(TIER_METRICS.map((m) => Type.Literal(m)));

export const TierThresholdsSchema = Type.Object(
  {
    registrations: Count('registrations submitted in the last 12 months, at least'),
    approvalRate: Ratio('approved / decided registrations in the last 12 months, at least (0-1)'),
    closedWonRevenue: Money('closed-won revenue of converted registrations in the last 12 months, at least'),
    certifications: Count('active certifications, at least'),
    onboardingCompletion: Ratio('share of onboarding steps done, at least (0-1)')
  },
  strict
);
export type TierThresholds = Static<typeof TierThresholdsSchema>;

export const TierDefinitionSchema = Type.Object(
  {
    tier: Tier,
    thresholds: TierThresholdsSchema,
    atRiskMargin: Type.Optional(
      Ratio(
        'a partner short of this tier by at most this share on every missed measure is AT_RISK, not demoted (0.15)'
      )
    )
  },
  strict
);
export type TierDefinition = Static<typeof TierDefinitionSchema>;

export const PartnerMetricsSchema = Type.Object(
  {
    registrations: Count('registrations submitted in the last 12 months'),
    decided: Count('registrations decided in the last 12 months'),
    approved: Count('of those, approved'),
    closedWonRevenue: Money('closed-won revenue of converted registrations in the last 12 months'),
    certifications: Count('active certifications'),
    onboardingCompletion: Ratio('share of onboarding steps done (0-1); 1 when onboarding is complete')
  },
  strict
);
export type PartnerMetrics = Static<typeof PartnerMetricsSchema>;

export const TierReviewRequestSchema = Type.Object(
  {
    requestId: NonBlank(80, 'echoed in the response'),
    revenueCurrency: Type.Optional(
      Type.String({ pattern: '^[A-Z]{3}$', description: 'currency of revenue figures (USD)' })
    ),
    tiers: Type.Array(TierDefinitionSchema, {
      minItems: 1,
      maxItems: 10,
      description: 'the programme tiers with their thresholds; every tier a partner holds must be listed'
    }),
    partners: Type.Array(
      Type.Object(
        {
          id: NonBlank(40, 'partner account id'),
          currentTier: Tier,
          metrics: PartnerMetricsSchema
        },
        strict
      ),
      { minItems: 1, maxItems: 200 }
    )
  },
  strict
);
export type TierReviewRequest = Static<typeof TierReviewRequestSchema>;

export const TierGapSchema = Type.Object(
  {
    metric: TierMetricSchema,
    current: Type.Number(),
    required: Type.Number(),
    sentence: Type.String({ maxLength: 300 })
  },
  strict
);
export type TierGap = Static<typeof TierGapSchema>;

export const TierReviewResultSchema = Type.Object(
  {
    partnerId: Type.String(),
    currentTier: Tier,
    recommendedTier: Tier,
    action: TierActionSchema,
    evidence: Type.Array(Type.String({ maxLength: 400 }), {
      maxItems: 20,
      description: "for channel managers only: the partner's measures against the thresholds, with numbers"
    }),
    standing: Type.Object(
      {
        tier: Tier,
        nextTier: Type.Optional(Tier),
        summary: Type.String({ maxLength: 600 }),
        gaps: Type.Array(TierGapSchema, { maxItems: 5 })
      },
      {
        ...strict,
        description:
          'partner-safe: the approved current tier and what would move the partner up; never the recommendation'
      }
    )
  },
  strict
);
export type TierReviewResult = Static<typeof TierReviewResultSchema>;

export const TierReviewResponseSchema = Type.Object(
  {
    requestId: Type.String(),
    reviewVersion: Type.String(),
    results: Type.Array(TierReviewResultSchema)
  },
  strict
);
export type TierReviewResponse = Static<typeof TierReviewResponseSchema>;

export const MAX_ARTICLES = 300;

export const OnboardingArticleSchema = Type.Object(
  {
    id: NonBlank(40),
    title: NonBlank(255),
    body: NonBlank(8000),
    partnerTypes: Type.Optional(
      Type.Array(NonBlank(80), { maxItems: 20, description: 'the partner types it applies to; absent = all' })
    )
  },
  strict
);
export type OnboardingArticle = Static<typeof OnboardingArticleSchema>;

export const OnboardingAnswerRequestSchema = Type.Object(
  {
    question: NonBlank(1000),
    partnerType: Type.Optional(NonBlank(80)),
    articles: Type.Array(OnboardingArticleSchema, {
      minItems: 1,
      maxItems: MAX_ARTICLES,
      description:
        "the programme's onboarding content (FAQ entries and checklist steps); the only source of answers"
    }),
    asOf: Type.Optional(IsoDateTime)
  },
  strict
);
export type OnboardingAnswerRequest = Static<typeof OnboardingAnswerRequestSchema>;

export const OnboardingAnswerResponseSchema = Type.Object(
  {
    known: Type.Boolean({ description: 'false: the content does not answer the question (answer says so)' }),
    answer: Type.String({ minLength: 1, maxLength: 1500 }),
    sources: Type.Array(Type.Object({ id: Type.String(), title: Type.String() }, strict), { maxItems: 3 }),
    engine: EngineSchema,
    fallback: Type.Boolean(),
    usage: Type.Optional(UsageSchema)
  },
  strict
);
export type OnboardingAnswerResponse = Static<typeof OnboardingAnswerResponseSchema>;

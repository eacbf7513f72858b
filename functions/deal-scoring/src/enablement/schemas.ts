// Request and response of POST /v1/enablement/recommend: the single source of validation, the
// TypeScript types and the OpenAPI document (the Apex classes in EnablementApi are checked against it).
// The enumerations below are also the picklist values of Enablement_Content__c and
// Enablement_Feedback__c; a test compares them with the object metadata.
import { Type, type Static } from '@sinclair/typebox';
import { NON_BLANK } from '../validation';

const strict = { additionalProperties: false } as const;
const NonBlank = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: NON_BLANK, ...(description ? { description } : {}) });
const Names = (maxItems: number, description: string) => Type.Array(NonBlank(80), { maxItems, description });

export const CONTENT_TYPES = ['TRAINING', 'BATTLE_CARD', 'ASSET'] as const;
export const CONTENT_LEVELS = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const;
export const FEEDBACK_VERDICTS = ['DONE', 'NOT_RELEVANT'] as const;
/** Why an item was recommended (the strongest one is written as the "because…" sentence). */
export const REASON_CODES = [
  'SENT_BACK',
  'GETTING_STARTED',
  'COMPETITOR',
  'PRODUCT',
  'INDUSTRY',
  'VERTICAL',
  'CERTIFICATION_GAP',
  'NEXT_LEVEL',
  'RELATED',
  'POPULAR'
] as const;

const literals = <T extends readonly string[]>(values: T, description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description }
  );

/** Limits of one request (Apex sends at most these; the schema refuses more). */
export const ENABLEMENT_LIMITS = {
  libraryItems: 2000,
  registrations: 200,
  feedback: 1000,
  certifications: 50,
  results: 50
} as const;

export const ContentItemSchema = Type.Object(
  {
    id: NonBlank(40, 'Enablement_Content__c id'),
    title: NonBlank(255),
    summary: Type.Optional(Type.String({ maxLength: 2000 })),
    type: literals(CONTENT_TYPES, 'TRAINING | BATTLE_CARD | ASSET'),
    level: Type.Optional(literals(CONTENT_LEVELS, 'BEGINNER | INTERMEDIATE | ADVANCED')),
    products: Type.Optional(Names(20, 'products the item is about')),
    industries: Type.Optional(Names(20, 'industries the item is for')),
    topics: Type.Optional(Names(20, 'sales skills it teaches, e.g. "technical stakeholders"')),
    competitor: Type.Optional(NonBlank(80, 'the competitor a battle card is about')),
    language: Type.Optional(
      Type.String({ pattern: '^[a-z]{2}(_[A-Z]{2})?$', description: 'e.g. en, de, en_US' })
    ),
    popularity: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'completions across the programme' })
    )
  },
  strict
);
export type ContentItem = Static<typeof ContentItemSchema>;

export const PartnerRegistrationSchema = Type.Object(
  {
    id: NonBlank(40),
    status: NonBlank(40, 'Deal_Registration__c status'),
    industry: Type.Optional(NonBlank(80)),
    products: Type.Optional(Names(20, 'products of the registration')),
    description: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: 'the partner\u2019s own deal description (competitors named)'
      })
    ),
    sentBackReason: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'the partner-safe message of a registration sent back or rejected'
      })
    ),
    missingFields: Type.Optional(
      Type.Array(NonBlank(60), { maxItems: 30, description: 'contract paths the scoring found missing' })
    ),
    submittedAt: Type.Optional(Type.String({ format: 'date-or-date-time', maxLength: 40 }))
  },
  strict
);
export type PartnerRegistration = Static<typeof PartnerRegistrationSchema>;

export const CertificationSchema = Type.Object(
  {
    name: NonBlank(120),
    product: Type.Optional(NonBlank(80)),
    level: Type.Optional(literals(CONTENT_LEVELS, 'BEGINNER | INTERMEDIATE | ADVANCED'))
  },
  strict
);
export type Certification = Static<typeof CertificationSchema>;

export const FeedbackSchema = Type.Object(
  {
    contentId: NonBlank(40),
    verdict: literals(FEEDBACK_VERDICTS, 'DONE | NOT_RELEVANT')
  },
  strict
);
export type Feedback = Static<typeof FeedbackSchema>;

export const RecommendRequestSchema = Type.Object(
  {
    requestId: NonBlank(80, 'echoed back'),
    partner: Type.Object(
      {
        id: NonBlank(40),
        vertical: Type.Optional(NonBlank(80, 'the partner account\u2019s industry focus')),
        language: Type.Optional(Type.String({ pattern: '^[a-z]{2}(_[A-Z]{2})?$' })),
        certifications: Type.Array(CertificationSchema, { maxItems: ENABLEMENT_LIMITS.certifications })
      },
      strict
    ),
    registrations: Type.Array(PartnerRegistrationSchema, {
      maxItems: ENABLEMENT_LIMITS.registrations,
      description: 'the partner\u2019s own recent registrations, newest first'
    }),
    feedback: Type.Array(FeedbackSchema, { maxItems: ENABLEMENT_LIMITS.feedback }),
    library: Type.Array(ContentItemSchema, {
      minItems: 1,
      maxItems: ENABLEMENT_LIMITS.libraryItems,
      description: 'active content the partner may read'
    }),
    maxResults: Type.Optional(
      Type.Integer({ minimum: 1, maximum: ENABLEMENT_LIMITS.results, description: 'default 10' })
    )
  },
  strict
);
export type RecommendRequest = Static<typeof RecommendRequestSchema>;

export const RecommendationSchema = Type.Object(
  {
    contentId: Type.String(),
    rank: Type.Integer({ minimum: 1 }),
    score: Type.Number({ minimum: 0 }),
    reasons: Type.Array(literals(REASON_CODES, 'signal code')),
    because: Type.String({ description: 'partner-safe sentence from the partner\u2019s own data' })
  },
  strict
);
export type Recommendation = Static<typeof RecommendationSchema>;

export const RecommendResponseSchema = Type.Object(
  {
    requestId: Type.String(),
    recommendations: Type.Array(RecommendationSchema),
    engine: literals(
      ['lexical', 'embedding'] as const,
      'lexical: full text + signals; embedding: also semantic'
    ),
    fallback: Type.Boolean({ description: 'true when embeddings were configured but failed' }),
    rankerVersion: Type.String()
  },
  strict
);
export type RecommendResponse = Static<typeof RecommendResponseSchema>;

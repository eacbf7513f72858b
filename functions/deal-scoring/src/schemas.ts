/**
 * The request and response schemas of the scoring function: the single source of truth for
 * validation (TypeBox compiler), the TypeScript types (Static<>) and the OpenAPI document.
 *
 * Every object is closed (`additionalProperties: false`): an unknown property is a 400, never
 * silently dropped. Every string and array has a maximum so a request cannot make us do
 * unbounded work. Enumerations are unions of literals (TypeBox validates them); the OpenAPI
 * generator rewrites them to plain `enum` lists for OpenAPI 3.0 (see openapi.ts).
 */
import { Type, type Static, type TSchema, type TLiteral, type TUnion } from '@sinclair/typebox';
import { NON_BLANK } from './validation';
import { VOCABULARY } from './vocabulary';

export const LIMITS = {
  deals: 200,
  candidates: 1000,
  products: 50,
  contactDomains: 20,
  id: 80,
  name: 255,
  shortText: 120,
  description: 32000,
  /** A candidate's description: enough to compare deals, small enough for a 200-candidate request. */
  candidateDescription: 1000,
  catalog: 2000,
  amount: 1e12
} as const;

/** A closed union of string literals (an `enum` in the OpenAPI document). */
function StringEnum<T extends string[]>(
  values: [...T],
  description?: string
): TUnion<{ [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {}
  ) as unknown as TUnion<{ [K in keyof T]: TLiteral<T[K]> }>;
}

const closed = { additionalProperties: false } as const;

// "Must not be empty": at least one character that is not a space (the pattern is in the OpenAPI
// document too, so a client can check it before sending).
const Id = (description: string) =>
  Type.String({ minLength: 1, maxLength: LIMITS.id, pattern: NON_BLANK, description });
const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, pattern: NON_BLANK, ...(description ? { description } : {}) });
const DateOnly = (description: string) => Type.String({ format: 'date', maxLength: 10, description });
const DateTime = (description: string) => Type.String({ format: 'date-time', maxLength: 40, description });
/** Salesforce Date fields serialize as YYYY-MM-DD, DateTime fields as ISO 8601; accept both. */
const DateOrDateTime = (description: string) =>
  Type.String({ format: 'date-or-date-time', maxLength: 40, description });
const Money = (description: string) => Type.Number({ minimum: 0, maximum: LIMITS.amount, description });
const Products = Type.Array(Text(LIMITS.shortText), {
  maxItems: LIMITS.products,
  description: 'product names'
});

export const Tier = StringEnum([...VOCABULARY.partnerTiers], 'partner program tier');
export const Region = StringEnum([...VOCABULARY.regions], 'sales region');
export const CandidateKind = StringEnum([...VOCABULARY.candidateKind]);
export const TriageStatus = StringEnum([...VOCABULARY.triageStatus]);
export const Confidence = StringEnum([...VOCABULARY.confidence]);
export const RecommendedAction = StringEnum([...VOCABULARY.recommendedAction]);
export const FactorCategory = StringEnum([...VOCABULARY.factorCategory]);

const setting = VOCABULARY.settings;
export const Settings = Type.Object(
  {
    reviewThreshold: Type.Optional(
      Type.Integer({
        minimum: setting.reviewThreshold.minimum,
        maximum: setting.reviewThreshold.maximum,
        description: `score below this -> NEEDS_REVIEW (${setting.reviewThreshold.default})`
      })
    ),
    conflictThreshold: Type.Optional(
      Type.Number({
        minimum: setting.conflictThreshold.minimum,
        maximum: setting.conflictThreshold.maximum,
        description: `similarity at or above this -> conflict (${setting.conflictThreshold.default})`
      })
    ),
    highValueAmount: Type.Optional(
      Money(`deals at or above this need a human (${setting.highValueAmount.default})`)
    ),
    protectionDays: Type.Optional(
      Type.Integer({
        minimum: setting.protectionDays.minimum,
        maximum: setting.protectionDays.maximum,
        description: `how recent a registration/touch conflicts (${setting.protectionDays.default})`
      })
    ),
    asOf: Type.Optional(DateOnly('reference date for date rules; default today (UTC)')),
    rulesetVersion: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description: 'ruleset that scores (GET /v1/rulesets lists them); default: the shipped default'
      })
    ),
    exclusivity: Type.Optional(
      StringEnum(
        [...setting.exclusivity.values],
        'programme exclusivity: what a conflict is. Sent: conflicts carry a deal comparison and the triage ' +
          `follows the policy; not sent: customer exclusivity without deal comparison, as before (${setting.exclusivity.default})`
      )
    )
  },
  closed
);

const partnerProps = {
  id: Id('partner account id'),
  tier: Type.Optional(Tier),
  winRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'won / decided registrations' })),
  decidedCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  certifications: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  registrationsLast90Days: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  averageDealSize: Type.Optional(Money("partner's average deal size")),
  firstTime: Type.Optional(Type.Boolean())
};

const customerProps = {
  name: Text(LIMITS.name, 'customer company name'),
  website: Type.Optional(Text(LIMITS.name)),
  domain: Type.Optional(Text(LIMITS.name)),
  country: Type.Optional(Text(80)),
  region: Type.Optional(Region),
  industry: Type.Optional(Text(80)),
  employees: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 }))
};

const opportunityProps = {
  name: Type.Optional(Text(LIMITS.shortText)),
  amount: Type.Optional(Money('deal value')),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3 })),
  closeDate: Type.Optional(DateOnly('expected close date')),
  products: Type.Optional(Products),
  description: Type.Optional(Text(LIMITS.description))
};

const contactProps = {
  name: Type.Optional(Text(LIMITS.shortText)),
  email: Type.Optional(Type.String({ format: 'email', minLength: 3, maxLength: 254 })),
  phone: Type.Optional(Text(40)),
  title: Type.Optional(Text(LIMITS.shortText))
};

export const Partner = Type.Object(partnerProps, closed);
export const Customer = Type.Object(customerProps, closed);
export const Opportunity = Type.Object(opportunityProps, closed);
export const Contact = Type.Object(contactProps, closed);

export const Candidate = Type.Object(
  {
    id: Id('record id of the candidate'),
    kind: CandidateKind,
    name: Text(LIMITS.name, 'customer / account name of the candidate'),
    domain: Type.Optional(Text(LIMITS.name)),
    contactDomains: Type.Optional(Type.Array(Text(LIMITS.name), { maxItems: LIMITS.contactDomains })),
    partnerId: Type.Optional(Id('registering partner (registrations only)')),
    status: Type.Optional(Text(40)),
    region: Type.Optional(Text(40)),
    products: Type.Optional(Products),
    amount: Type.Optional(Money('candidate value')),
    opportunityName: Type.Optional(Text(LIMITS.shortText, 'opportunity name of the candidate deal')),
    description: Type.Optional(Text(LIMITS.candidateDescription, 'description of the candidate deal')),
    closeDate: Type.Optional(DateOnly('expected close date of the candidate deal')),
    country: Type.Optional(Text(80)),
    createdAt: Type.Optional(DateOrDateTime('created')),
    lastActivityAt: Type.Optional(DateOrDateTime('last activity (direct touch)'))
  },
  closed
);

export const Candidates = Type.Array(Candidate, {
  maxItems: LIMITS.candidates,
  description: 'possible conflicts gathered by Salesforce'
});

export const Deal = Type.Object(
  {
    id: Id('deal registration id'),
    submittedAt: Type.Optional(DateTime('submission time')),
    partner: Partner,
    customer: Customer,
    opportunity: Type.Optional(Opportunity),
    contact: Type.Optional(Contact),
    candidates: Type.Optional(Candidates)
  },
  closed
);

export const CatalogEntry = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255, pattern: NON_BLANK }),
    aliases: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 255, pattern: NON_BLANK }), { maxItems: 10 })
    )
  },
  closed
);

export const ScoreRequest = Type.Object(
  {
    requestId: Id('echoed back; the idempotency key'),
    settings: Type.Optional(Settings),
    catalog: Type.Optional(
      Type.Array(CatalogEntry, {
        maxItems: LIMITS.catalog,
        description: "the org's products (names and aliases): products are compared through them"
      })
    ),
    deals: Type.Array(Deal, { minItems: 1, maxItems: LIMITS.deals })
  },
  closed
);

export const Factor = Type.Object(
  {
    code: Type.String(),
    category: FactorCategory,
    label: Type.String(),
    points: Type.Integer(),
    detail: Type.String()
  },
  closed
);

/** The candidate's deal as compared (echoed so the score card can show both deals side by side). */
export const ComparedDeal = Type.Object(
  {
    opportunityName: Type.Optional(Type.String()),
    products: Type.Optional(Type.Array(Type.String())),
    amount: Type.Optional(Type.Number()),
    closeDate: Type.Optional(Type.String()),
    region: Type.Optional(Type.String()),
    country: Type.Optional(Type.String())
  },
  closed
);

export const DealComparison = Type.Object(
  {
    score: Type.Number({ minimum: 0, maximum: 1, description: 'calibrated 0-1 "same deal" score' }),
    sameDeal: Type.Boolean(),
    sharedProducts: Type.Array(Type.String()),
    reasons: Type.Array(Type.String()),
    candidate: ComparedDeal
  },
  closed
);

export const Conflict = Type.Object(
  {
    candidateId: Type.String(),
    kind: CandidateKind,
    similarity: Type.Number({ minimum: 0, maximum: 1 }),
    reasons: Type.Array(Type.String()),
    deal: Type.Optional(DealComparison)
  },
  closed
);

export const Explanation = Type.Object(
  {
    engine: StringEnum(['template', 'llm']),
    fallback: Type.Boolean(),
    model: Type.Optional(Type.String()),
    promptVersion: Type.Optional(Type.String()),
    promptTokens: Type.Optional(Type.Integer()),
    completionTokens: Type.Optional(Type.Integer()),
    latencyMs: Type.Optional(Type.Integer())
  },
  closed
);

export const DealResult = Type.Object(
  {
    dealId: Type.String(),
    confidenceScore: Type.Integer({ minimum: 0, maximum: 100 }),
    triageStatus: TriageStatus,
    confidence: Confidence,
    recommendedAction: RecommendedAction,
    factors: Type.Array(Factor),
    conflicts: Type.Array(Conflict),
    missingFields: Type.Array(Type.String()),
    rationale: Type.String(),
    partnerMessage: Type.String(),
    modelVersion: Type.String(),
    rulesetVersion: Type.String(),
    explanation: Explanation
  },
  closed
);

export const ScoreResponse = Type.Object(
  {
    requestId: Type.String(),
    asOf: Type.String({ format: 'date' }),
    results: Type.Array(DealResult)
  },
  closed
);

export const PrecheckRequest = Type.Object(
  {
    draft: Type.Object(
      {
        partner: Type.Optional(Type.Partial(Partner)),
        customer: Type.Optional(Type.Partial(Customer)),
        opportunity: Type.Optional(Opportunity),
        contact: Type.Optional(Contact)
      },
      closed
    ),
    candidates: Type.Optional(Candidates),
    settings: Type.Optional(Settings)
  },
  closed
);

export const MissingField = Type.Object(
  { field: Type.String(), required: Type.Boolean(), hint: Type.String() },
  closed
);

export const Duplicate = Type.Object(
  {
    candidateId: Type.String(),
    kind: CandidateKind,
    similarity: Type.Number({ minimum: 0, maximum: 1 }),
    message: Type.String()
  },
  closed
);

export const PrecheckResponse = Type.Object(
  {
    completeness: Type.Integer({ minimum: 0, maximum: 100 }),
    missingFields: Type.Array(MissingField),
    hints: Type.Array(Type.String()),
    duplicates: Type.Array(Duplicate),
    rulesetVersion: Type.String()
  },
  closed
);

export const HealthResponse = Type.Object(
  {
    status: StringEnum(['ok']),
    version: Type.String(),
    modelVersion: Type.String(),
    rulesetVersion: Type.String(),
    auth: StringEnum(['api-key', 'none'])
  },
  closed
);

export const ReadyResponse = Type.Object({ status: StringEnum(['ready', 'unavailable']) }, closed);

export const RulesetList = Type.Object(
  {
    rulesets: Type.Array(
      Type.Object(
        { rulesetVersion: Type.String(), description: Type.String(), default: Type.Boolean() },
        closed
      )
    )
  },
  closed
);

export const FieldError = Type.Object({ path: Type.String(), message: Type.String() }, closed);

export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
    errors: Type.Optional(Type.Array(FieldError))
  },
  closed
);

export type ScoreRequest = Static<typeof ScoreRequest>;
export type ScoreResponse = Static<typeof ScoreResponse>;
export type Settings = Static<typeof Settings>;
export type Deal = Static<typeof Deal>;
export type Candidate = Static<typeof Candidate>;
export type CatalogEntry = Static<typeof CatalogEntry>;
export type DealComparison = Static<typeof DealComparison>;
export type Exclusivity = NonNullable<Settings['exclusivity']>;
export type Partner = Static<typeof Partner>;
export type Customer = Static<typeof Customer>;
export type Opportunity = Static<typeof Opportunity>;
export type Contact = Static<typeof Contact>;
export type DealResult = Static<typeof DealResult>;
export type Factor = Static<typeof Factor>;
export type Conflict = Static<typeof Conflict>;
export type Explanation = Static<typeof Explanation>;
export type PrecheckRequest = Static<typeof PrecheckRequest>;
export type PrecheckResponse = Static<typeof PrecheckResponse>;
export type HealthResponse = Static<typeof HealthResponse>;
export type FieldError = Static<typeof FieldError>;
export type RulesetList = Static<typeof RulesetList>;
export type ErrorResponse = Static<typeof ErrorResponse>;
export type TriageStatus = Static<typeof TriageStatus>;
export type RecommendedAction = Static<typeof RecommendedAction>;
export type FactorCategory = Static<typeof FactorCategory>;
export type CandidateKind = Static<typeof CandidateKind>;

/** Schemas that are not TSchema-typed elsewhere but handy for generic helpers. */
export type AnySchema = TSchema;

/**
 * The ruleset file format: every point value and rule threshold of the engine, validated by this
 * TypeBox schema when the file is loaded. A ruleset is identified by `rulesetVersion`; results
 * echo it, so an audited score can always be reproduced with the same ruleset.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FactorCategory } from '../schemas';

const closed = { additionalProperties: false } as const;
const Points = Type.Integer({ minimum: -100, maximum: 100 });

/** One row of the factor catalogue. `label` may hold `{name}` placeholders the rule fills in. */
export const FactorDefinition = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$', maxLength: 60 }),
    category: FactorCategory,
    points: Points,
    label: Type.String({ minLength: 1, maxLength: 200 })
  },
  closed
);

const Days = Type.Integer({ minimum: 0, maximum: 36500 });
const Share = Type.Number({ minimum: 0, maximum: 1 });
const Ratio = Type.Number({ exclusiveMinimum: 0, maximum: 1e6 });

export const RuleLimits = Type.Object(
  {
    /** Closing later than this many days after asOf: CLOSE_DATE_TOO_FAR. */
    closeDateTooFarDays: Days,
    /** Closing within this many days of registration: CLOSE_DATE_IMMINENT. */
    closeDateImminentDays: Days,
    /** Closing up to this many days after registration: CLOSE_DATE_REALISTIC. */
    closeDateRealisticMaxDays: Days,
    absurdAmount: Type.Number({ exclusiveMinimum: 0 }),
    largeCustomerEmployees: Type.Integer({ minimum: 0 }),
    descriptionMinWords: Type.Integer({ minimum: 1, maximum: 1000 }),
    winRateMinDecisions: Type.Integer({ minimum: 0 }),
    winRateHigh: Share,
    winRateGood: Share,
    winRateLow: Share,
    certificationsMany: Type.Integer({ minimum: 1 }),
    volumeUnusual: Type.Integer({ minimum: 1 }),
    sizeFarAboveRatio: Ratio,
    sizeAboveRatio: Ratio,
    sizeTypicalMinRatio: Ratio,
    /** Similarity from which a non-conflicting candidate is still mentioned as a possible match. */
    nearMissFloor: Share,
    confidence: Type.Object(
      {
        conflictHighSimilarity: Share,
        conflictMediumSimilarity: Share,
        marginHigh: Type.Integer({ minimum: 0, maximum: 100 }),
        marginMedium: Type.Integer({ minimum: 0, maximum: 100 })
      },
      closed
    )
  },
  closed
);

export const Ruleset = Type.Object(
  {
    rulesetVersion: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', minLength: 1, maxLength: 40 }),
    description: Type.String({ maxLength: 2000 }),
    /** Where learned rulesets came from (absent for hand-written ones). */
    provenance: Type.Optional(
      Type.Object(
        {
          method: Type.String({ maxLength: 200 }),
          createdAt: Type.String({ maxLength: 40 }),
          basedOn: Type.String({ maxLength: 40 }),
          trainingRows: Type.Integer({ minimum: 0 }),
          holdoutRows: Type.Integer({ minimum: 0 }),
          notes: Type.Optional(Type.String({ maxLength: 4000 }))
        },
        closed
      )
    ),
    baseScore: Type.Integer({ minimum: -1000, maximum: 1000 }),
    limits: RuleLimits,
    factors: Type.Array(FactorDefinition, { minItems: 1, maxItems: 500 })
  },
  closed
);

export type FactorDefinition = Static<typeof FactorDefinition>;
export type RuleLimits = Static<typeof RuleLimits>;
export type Ruleset = Static<typeof Ruleset>;

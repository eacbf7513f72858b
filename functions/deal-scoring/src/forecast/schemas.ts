/**
 * `POST /v1/forecast`: request and response schemas (TypeBox, the single source of validation,
 * types and the OpenAPI document, like src/schemas.ts). Every object is closed and every string,
 * number and array is bounded. Amounts are in the currency named on the row (the corporate
 * currency when omitted) and converted with `exchangeRates`.
 */
import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { NON_BLANK } from '../validation';
import { VOCABULARY } from '../vocabulary';

export const FORECAST_LIMITS = {
  pipeline: 100_000,
  partners: 50_000,
  stages: 50,
  exchangeRates: 5_000,
  closedRows: 50_000,
  registrationRows: 100_000,
  cycleBuckets: 50,
  /** One open deal's amount (corporate or any currency): larger is a typo, not a deal. */
  amount: 1e10,
  /** A history row's summed amount. */
  totalAmount: 1e13,
  simulations: { min: 200, max: 5_000, default: 1_000 },
  quarters: { min: 1, max: 4, default: 2 },
  topPartners: { min: 0, max: 20, default: 5 },
  /** The request body limit of the route (a 100,000-deal pipeline is about 16 MB). */
  bodyBytes: 32 * 1024 * 1024
} as const;

const closed = { additionalProperties: false } as const;

function StringEnum<T extends string[]>(values: [...T], description?: string) {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {}
  ) as unknown as TUnion<{ [K in keyof T]: TLiteral<T[K]> }>;
}

const Id = (description: string) =>
  Type.String({ minLength: 1, maxLength: 80, pattern: NON_BLANK, description });
const Text = (max: number, description: string) =>
  Type.String({ minLength: 1, maxLength: max, pattern: NON_BLANK, description });
const DateOnly = (description: string) => Type.String({ format: 'date', maxLength: 10, description });
const Currency = (description: string) =>
  Type.String({ pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3, description });
const Count = (description: string) => Type.Integer({ minimum: 0, maximum: 10_000_000, description });
const Amount = (max: number, description: string) => Type.Number({ minimum: 0, maximum: max, description });

export const ForecastRegion = StringEnum([...VOCABULARY.regions], 'sales region (omitted: no region)');
export const ForecastTier = StringEnum([...VOCABULARY.partnerTiers], 'partner tier (omitted: no tier)');

export const StageAgeBand = Type.Object(
  {
    minDays: Type.Integer({ minimum: 0, maximum: 3650, description: 'days in the stage, at least' }),
    won: Count('closed deals that stayed in the stage at least minDays and were won'),
    lost: Count('... and were lost')
  },
  closed
);

export const ForecastStage = Type.Object(
  {
    name: Text(120, 'opportunity stage name as the pipeline rows spell it'),
    probability: Type.Number({ minimum: 0, maximum: 100, description: "the org's default probability (%)" }),
    typicalDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 3650,
        description: 'typical days a deal spends in this stage; omitted: the median age of open deals in it'
      })
    ),
    won: Type.Optional(Count('closed deals that were in this stage and then won (the history of the stage)')),
    lost: Type.Optional(Count('closed deals that were in this stage and then lost')),
    ageBands: Type.Optional(
      Type.Array(StageAgeBand, {
        maxItems: 20,
        description:
          'closed deals that stayed in this stage at least minDays, by outcome (how age in stage predicts)'
      })
    )
  },
  closed
);

export const ExchangeRate = Type.Object(
  {
    currency: Currency('ISO code'),
    rate: Type.Number({
      minimum: 0.000001,
      maximum: 1e9,
      description: 'units of this currency per one unit of the corporate currency (Salesforce ConversionRate)'
    }),
    startDate: Type.Optional(
      DateOnly('first day the rate applies (DatedConversionRate); omitted: the undated rate')
    )
  },
  closed
);

export const ForecastPartner = Type.Object(
  {
    id: Id('partner account id'),
    name: Type.Optional(Text(255, 'partner name (manager-only insights name top partners)')),
    tier: Type.Optional(ForecastTier),
    won: Count('closed-won registrations of this partner'),
    lost: Count('closed-lost or rejected registrations of this partner'),
    averageDealSize: Type.Optional(
      Amount(FORECAST_LIMITS.amount, 'average won deal size, corporate currency')
    )
  },
  closed
);

export const PipelineDeal = Type.Object(
  {
    id: Type.Optional(Id('registration id (single deals)')),
    partnerId: Id('partner account id; its track record comes from partners[]'),
    region: Type.Optional(ForecastRegion),
    tier: Type.Optional(ForecastTier),
    stage: Text(120, 'stage name; must be one of stages[].name'),
    stageAgeDays: Type.Integer({ minimum: 0, maximum: 3650, description: 'days in the current stage' }),
    closeDate: DateOnly('expected close date of the linked opportunity'),
    amount: Amount(FORECAST_LIMITS.amount, 'amount of the deal (of all deals on the row when count > 1)'),
    currency: Type.Optional(Currency('omitted: the corporate currency')),
    count: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 10_000,
        description: 'like deals summed on this row (same partner, stage, close month, age band); default 1'
      })
    )
  },
  closed
);

export const ClosedMonth = Type.Object(
  {
    month: Type.String({
      pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
      maxLength: 7,
      description: 'close month YYYY-MM'
    }),
    region: Type.Optional(ForecastRegion),
    tier: Type.Optional(ForecastTier),
    won: Count('registrations whose opportunity closed won in the month'),
    lost: Count('registrations whose opportunity closed lost in the month'),
    wonAmount: Amount(FORECAST_LIMITS.totalAmount, 'sum of won amounts'),
    lostAmount: Amount(FORECAST_LIMITS.totalAmount, 'sum of lost amounts'),
    currency: Type.Optional(Currency('omitted: the corporate currency'))
  },
  closed
);

export const RegistrationWeek = Type.Object(
  {
    week: DateOnly('first day of the week the registrations were submitted in'),
    region: Type.Optional(ForecastRegion),
    tier: Type.Optional(ForecastTier),
    count: Count('registrations submitted (later approved or not)'),
    amount: Amount(FORECAST_LIMITS.totalAmount, 'sum of their deal values'),
    currency: Type.Optional(Currency('omitted: the corporate currency'))
  },
  closed
);

export const CycleBucket = Type.Object(
  {
    upToDays: Type.Integer({
      minimum: 1,
      maximum: 3650,
      description: 'days from registration to close-won, at most'
    }),
    won: Count('won deals in this bucket (above the previous bucket)')
  },
  closed
);

export const ForecastHistory = Type.Object(
  {
    closed: Type.Array(ClosedMonth, { maxItems: FORECAST_LIMITS.closedRows }),
    registrations: Type.Array(RegistrationWeek, { maxItems: FORECAST_LIMITS.registrationRows }),
    cycle: Type.Array(CycleBucket, {
      maxItems: FORECAST_LIMITS.cycleBuckets,
      description: 'registration-to-close days of won deals; empty: deals not yet registered are not forecast'
    })
  },
  closed
);

export const ForecastRequest = Type.Object(
  {
    requestId: Id('echoed back'),
    asOf: DateOnly('the forecast date (today)'),
    currency: Currency('corporate currency: every amount in the response is in it'),
    fiscalYearStartMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, description: 'default 1' })),
    quarters: Type.Optional(
      Type.Integer({
        minimum: FORECAST_LIMITS.quarters.min,
        maximum: FORECAST_LIMITS.quarters.max,
        description: `quarters to forecast from the current one (default ${FORECAST_LIMITS.quarters.default})`
      })
    ),
    topPartners: Type.Optional(
      Type.Integer({
        minimum: FORECAST_LIMITS.topPartners.min,
        maximum: FORECAST_LIMITS.topPartners.max,
        description: `partners forecast on their own (default ${FORECAST_LIMITS.topPartners.default})`
      })
    ),
    simulations: Type.Optional(
      Type.Integer({
        minimum: FORECAST_LIMITS.simulations.min,
        maximum: FORECAST_LIMITS.simulations.max,
        description: `simulated quarters (default ${FORECAST_LIMITS.simulations.default})`
      })
    ),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647, description: 'default 1' })),
    stages: Type.Array(ForecastStage, { minItems: 1, maxItems: FORECAST_LIMITS.stages }),
    exchangeRates: Type.Array(ExchangeRate, { maxItems: FORECAST_LIMITS.exchangeRates }),
    partners: Type.Array(ForecastPartner, { maxItems: FORECAST_LIMITS.partners }),
    pipeline: Type.Array(PipelineDeal, { maxItems: FORECAST_LIMITS.pipeline }),
    history: ForecastHistory
  },
  closed
);

const Money = (description: string) => Type.Number({ description });

export const SegmentForecast = Type.Object(
  {
    key: Type.String({ description: 'REGION|TIER, ALL|ALL for the total, or the partner id' }),
    label: Type.String(),
    region: Type.Optional(Type.String()),
    tier: Type.Optional(Type.String()),
    partnerId: Type.Optional(Type.String()),
    p10: Money('closed-won amount exceeded in 90% of simulations'),
    p50: Money('median closed-won amount'),
    p90: Money('closed-won amount exceeded in 10% of simulations'),
    expected: Money('mean closed-won amount'),
    closedToDate: Money('already closed won in the quarter (history)'),
    registered: Money('expected from open registered deals'),
    notYetRegistered: Type.Optional(
      Money('expected from deals not registered yet (run-rate with seasonality); omitted: not enough history')
    ),
    stageProbability: Money('stage probability x amount of the open deals closing in the quarter'),
    openDeals: Type.Integer({ description: 'open deals whose close date falls in the quarter' }),
    lastYear: Type.Optional(Money('closed-won amount in the same quarter last year (history)')),
    history: StringEnum(['OK', 'NOT_ENOUGH'], 'whether the segment had enough history for a run-rate')
  },
  closed
);

export const ForecastDriver = Type.Object(
  {
    code: StringEnum([
      'CLOSED_TO_DATE',
      'STAGE_BASELINE',
      'STAGE_HISTORY',
      'PARTNER_TRACK_RECORD',
      'STAGE_AGE',
      'DEAL_SIZE',
      'NEW_REGISTRATIONS'
    ]),
    label: Type.String(),
    amount: Money('contribution to the expected amount (negative lowers it)')
  },
  closed
);

export const ForecastQuarter = Type.Object(
  {
    id: Type.String({ description: 'YYYY-Qn, fiscal year named by the calendar year it ends in' }),
    startDate: Type.String({ format: 'date' }),
    endDate: Type.String({ format: 'date' }),
    total: SegmentForecast,
    segments: Type.Array(SegmentForecast),
    partners: Type.Array(SegmentForecast),
    drivers: Type.Array(ForecastDriver),
    seasonalIndex: Type.Optional(
      Type.Number({ description: "this quarter's registrations relative to an average quarter" })
    )
  },
  closed
);

export const ForecastInsight = Type.Object(
  {
    code: Type.String(),
    severity: StringEnum(['INFO', 'WARNING', 'RISK']),
    quarter: Type.Optional(Type.String()),
    segment: Type.Optional(Type.String()),
    text: Type.String({ description: 'one sentence with its numbers' })
  },
  closed
);

export const ForecastInsights = Type.Object(
  {
    partnerSafe: Type.Array(ForecastInsight, {
      description: 'programme-level trends in percentages: no partner, deal or forecast amount'
    }),
    managerOnly: Type.Array(ForecastInsight, { description: 'amounts, bands, partners and data problems' })
  },
  closed
);

export const ForecastResponse = Type.Object(
  {
    requestId: Type.String(),
    asOf: Type.String({ format: 'date' }),
    currency: Type.String(),
    modelVersion: Type.String(),
    simulations: Type.Integer(),
    seed: Type.Integer(),
    quarters: Type.Array(ForecastQuarter),
    insights: ForecastInsights
  },
  closed
);

export type ForecastRequest = Static<typeof ForecastRequest>;
export type ForecastResponse = Static<typeof ForecastResponse>;
export type PipelineDeal = Static<typeof PipelineDeal>;
export type ForecastPartner = Static<typeof ForecastPartner>;
export type ClosedMonth = Static<typeof ClosedMonth>;
export type RegistrationWeek = Static<typeof RegistrationWeek>;
export type SegmentForecast = Static<typeof SegmentForecast>;
export type ForecastQuarter = Static<typeof ForecastQuarter>;
export type ForecastInsight = Static<typeof ForecastInsight>;
export type ForecastDriver = Static<typeof ForecastDriver>;

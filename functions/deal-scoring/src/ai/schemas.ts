// Request and response schemas of the assist routes (/v1/parse, /v1/status-answer), the single
// source of validation, TypeScript types and OpenAPI. Names follow docs/contract.md.
import { Type, type Static } from '@sinclair/typebox';
import { NON_BLANK } from '../validation';
import { VOCABULARY } from '../vocabulary';

const strict = { additionalProperties: false } as const;

/** A calendar date or an ISO 8601 date-time: the one date check of the service (validation.ts). */
export const IsoDateTime = Type.String({ format: 'date-or-date-time', maxLength: 40 });
/** "Must not be empty": at least one non-space character. */
const NonBlank = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: NON_BLANK });

export const MAX_TEXT_LENGTH = 20000;

export const ParseFieldsSchema = Type.Object(
  {
    customerName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    customerDomain: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 255,
        pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9-]+)+$'
      })
    ),
    opportunityName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    amount: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12 })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    closeDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    products: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 20 })),
    contactName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    contactEmail: Type.Optional(Type.String({ maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' })),
    contactPhone: Type.Optional(Type.String({ minLength: 5, maxLength: 40 })),
    contactTitle: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    summary: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 }))
  },
  strict
);
export type ParseFields = Static<typeof ParseFieldsSchema>;
export type ParseFieldName = keyof ParseFields;
export const PARSE_FIELD_NAMES = Object.keys(ParseFieldsSchema.properties) as ParseFieldName[];

const Probability = Type.Number({ minimum: 0, maximum: 1 });
export const ParseConfidenceSchema = Type.Partial(
  Type.Object(
    {
      customerName: Probability,
      customerDomain: Probability,
      opportunityName: Probability,
      amount: Probability,
      currency: Probability,
      closeDate: Probability,
      products: Probability,
      contactName: Probability,
      contactEmail: Probability,
      contactPhone: Probability,
      contactTitle: Probability,
      summary: Probability
    },
    strict
  )
);
export type ParseConfidence = Partial<Record<ParseFieldName, number>>;

export const UsageSchema = Type.Object(
  {
    model: Type.String(),
    promptVersion: Type.String(),
    promptTokens: Type.Integer({ minimum: 0 }),
    completionTokens: Type.Integer({ minimum: 0 }),
    latencyMs: Type.Integer({ minimum: 0 })
  },
  strict
);

export const EngineSchema = Type.Union([Type.Literal('builtin'), Type.Literal('llm')]);

export const CatalogEntrySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255 }),
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { maxItems: 10 }))
  },
  strict
);

export const ParseDocumentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.Union([Type.Literal('application/pdf'), Type.Literal('text/plain')]),
    data: Type.String({ minLength: 1, maxLength: 1_000_000, description: 'Base64 of the file' })
  },
  strict
);

export const ParseRequestSchema = Type.Object(
  {
    text: NonBlank(MAX_TEXT_LENGTH),
    receivedAt: Type.Optional(IsoDateTime),
    catalog: Type.Optional(
      Type.Array(CatalogEntrySchema, {
        maxItems: 2000,
        description: "The org's products (names and aliases), found in the text fuzzy"
      })
    ),
    documents: Type.Optional(
      Type.Array(ParseDocumentSchema, {
        maxItems: 3,
        description: 'Attachments whose text is read with the message'
      })
    )
  },
  strict
);
export type ParseRequest = Static<typeof ParseRequestSchema>;

export const ParseResponseSchema = Type.Object(
  {
    fields: ParseFieldsSchema,
    confidence: ParseConfidenceSchema,
    engine: EngineSchema,
    fallback: Type.Boolean(),
    usage: Type.Optional(UsageSchema),
    proposed: Type.Optional(
      Type.Array(Type.String({ maxLength: 40 }), {
        maxItems: 12,
        description:
          'Fields made up rather than read (an opportunity name from customer and product): confirm them'
      })
    )
  },
  strict
);
export type ParseResponse = Static<typeof ParseResponseSchema>;

/** Deal_Registration__c.Status__c values, from the shared vocabulary. */
export const REGISTRATION_STATUSES = Object.values(VOCABULARY.registrationStatus.values);
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
const StatusSchema = Type.Union(REGISTRATION_STATUSES.map((s) => Type.Literal(s)));

export const StatusAnswerRequestSchema = Type.Object(
  {
    question: NonBlank(1000),
    registration: Type.Object(
      {
        status: StatusSchema,
        customerName: NonBlank(255),
        submittedAt: Type.Optional(IsoDateTime),
        decidedAt: Type.Optional(IsoDateTime),
        protectionExpiresOn: Type.Optional(IsoDateTime),
        partnerMessage: Type.Optional(Type.String({ maxLength: 4000 })),
        history: Type.Optional(
          Type.Array(
            Type.Object(
              {
                at: IsoDateTime,
                status: StatusSchema,
                message: Type.Optional(Type.String({ maxLength: 4000 }))
              },
              strict
            ),
            { maxItems: 100 }
          )
        )
      },
      strict
    )
  },
  strict
);
export type StatusAnswerRequest = Static<typeof StatusAnswerRequestSchema>;

export const StatusAnswerResponseSchema = Type.Object(
  {
    answer: Type.String({ minLength: 1, maxLength: 1200 }),
    nextStep: Type.String({ minLength: 1, maxLength: 600 }),
    engine: EngineSchema,
    fallback: Type.Boolean(),
    usage: Type.Optional(UsageSchema)
  },
  strict
);
export type StatusAnswerResponse = Static<typeof StatusAnswerResponseSchema>;

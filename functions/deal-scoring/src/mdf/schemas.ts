// Request and response schemas of POST /v1/mdf/check (Market Development Fund claim check): the
// single source of validation, TypeScript types, openapi.json and (through the boundary test) the
// Apex classes MdfApi.CheckRequest / MdfApi.CheckResponse. Property names are Apex-safe: no Apex
// reserved word (`currency`, `date`, `type`, `number`, `end` ...) is used as a key, so Apex can
// serialize its classes as they are (currencies are `currencyIsoCode`, like Salesforce fields).
import { Type, type Static } from '@sinclair/typebox';
import { NON_BLANK } from '../validation';

const strict = { additionalProperties: false } as const;

/** Limits of one check; enforced by the schema where a 400 is right, by the route for 413s. */
export const MDF_LIMITS = {
  /** The whole request body (documents included), bytes: beyond it 413. */
  bodyLimitBytes: 12 * 1024 * 1024,
  maxDocuments: 10,
  /** Base64 characters of one document (about 6 MB of binary): beyond it 413 naming the document. */
  maxDocumentBase64Chars: 8_000_000,
  /** Pages of one PDF: more is a 400 naming the document. */
  maxPages: 30,
  /** Pixels of one image (width x height): more is a 400 (a decompression bomb is refused unread). */
  maxImagePixels: 40_000_000,
  /** Scanned PDF pages that are OCR'd per document (each costs seconds of CPU). */
  maxOcrPages: 5,
  maxCostLines: 200,
  maxPriorInvoices: 2000,
  /** Characters of text kept per document. */
  maxTextChars: 60_000,
  /** Reading time of one document, checked between pages and OCR passes: beyond it a 400. */
  readBudgetMs: 60_000
} as const;

const NonBlank = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: NON_BLANK, ...(description ? { description } : {}) });
const CalendarDate = (description: string) => Type.String({ format: 'date', maxLength: 10, description });
const Money = (description: string) => Type.Number({ minimum: 0, maximum: 1e12, description });
const CurrencyIsoCode = (description: string) =>
  Type.String({ pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3, description });
const Label = NonBlank(120);
const Probability = Type.Number({ minimum: 0, maximum: 1 });

export const MdfCostLineSchema = Type.Object(
  {
    description: NonBlank(255, 'What was bought'),
    category: NonBlank(120, 'Cost category, compared with policy.allowedCostCategories (case-insensitive)'),
    amount: Money('Amount in the claim currency')
  },
  strict
);

export const MdfClaimSchema = Type.Object(
  {
    claimId: Type.Optional(NonBlank(80, 'The claim record id (echoed in messages, never required)')),
    amount: Money('Reimbursement the partner claims, in currencyIsoCode'),
    currencyIsoCode: CurrencyIsoCode('Currency of the claim'),
    activityType: NonBlank(120, 'Kind of activity, e.g. Event, Digital Campaign'),
    activityStartDate: CalendarDate('First day of the activity'),
    activityEndDate: CalendarDate('Last day of the activity'),
    submittedOn: CalendarDate(
      'Day the claim is (or would be) submitted: the claim deadline is checked against it'
    ),
    costLines: Type.Array(MdfCostLineSchema, {
      maxItems: MDF_LIMITS.maxCostLines,
      description:
        'Costs incurred (invoice amounts): the co-funding share applies to those in allowed categories'
    }),
    partnerExplanation: Type.Optional(
      Type.String({ maxLength: 2000, description: "The partner's explanation of problems shown earlier" })
    )
  },
  strict
);

export const MdfFundRequestSchema = Type.Object(
  {
    fundRequestId: Type.Optional(NonBlank(80, 'The fund request record id')),
    approvedAmount: Money('Amount approved for the activity, in currencyIsoCode'),
    currencyIsoCode: CurrencyIsoCode('Currency of the approved amount'),
    activityType: NonBlank(120, 'Activity the funds were approved for'),
    activityStartDate: CalendarDate('Approved activity window: first day'),
    activityEndDate: CalendarDate('Approved activity window: last day'),
    claimsAlreadyMade: Type.Integer({
      minimum: 0,
      maximum: 10_000,
      description: 'Claims already submitted against this request (not counting this one)'
    }),
    amountAlreadyClaimed: Money('Sum of those claims (approved or pending), in currencyIsoCode')
  },
  strict
);

export const MdfPolicySchema = Type.Object(
  {
    policyName: Type.Optional(NonBlank(120, 'The policy record (MDF_Policy__mdt developer name)')),
    allowedActivityTypes: Type.Array(Label, { maxItems: 100, description: 'Empty: every activity type' }),
    allowedCostCategories: Type.Array(Label, { maxItems: 200, description: 'Empty: every cost category' }),
    coFundingPercent: Type.Number({
      minimum: 0,
      maximum: 100,
      description: 'Share of the eligible cost the programme pays, in percent'
    }),
    claimDeadlineDays: Type.Integer({
      minimum: 0,
      maximum: 3650,
      description: 'Days after the activity ends within which the claim must be submitted'
    }),
    proofRequiredActivityTypes: Type.Array(Label, {
      maxItems: 100,
      description: 'Activity types for which proof of execution (a document with role proof) is required'
    }),
    maxClaimsPerRequest: Type.Integer({ minimum: 1, maximum: 1000 }),
    totalsTolerance: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1000,
        description: 'Rounding tolerance, in currency units, when totals are compared (default 0.05)'
      })
    )
  },
  strict
);

export const MdfPriorInvoiceSchema = Type.Object(
  {
    claimId: Type.Optional(NonBlank(80, 'The earlier claim')),
    vendorName: Type.Optional(NonBlank(255)),
    invoiceNumber: Type.Optional(NonBlank(80)),
    fileSha256: Type.Optional(
      Type.String({ pattern: '^[a-f0-9]{64}$', description: 'SHA-256 of the file, hex' })
    )
  },
  strict
);

export const MdfDocumentRoleSchema = Type.Union([Type.Literal('invoice'), Type.Literal('proof')]);
export const MDF_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const MdfContentTypeSchema = Type.Union(MDF_CONTENT_TYPES.map((t) => Type.Literal(t)));

export const MdfDocumentSchema = Type.Object(
  {
    fileName: NonBlank(255, 'Shown in messages; never used to guess the type'),
    contentType: MdfContentTypeSchema,
    role: MdfDocumentRoleSchema,
    data: Type.String({
      minLength: 1,
      description: `Base64 of the file; at most ${MDF_LIMITS.maxDocumentBase64Chars} characters (413 beyond)`
    })
  },
  strict
);

export const CheckRequestSchema = Type.Object(
  {
    requestId: NonBlank(80, 'Idempotency / audit key, echoed back'),
    claim: MdfClaimSchema,
    fundRequest: MdfFundRequestSchema,
    policy: MdfPolicySchema,
    priorInvoices: Type.Array(MdfPriorInvoiceSchema, {
      maxItems: MDF_LIMITS.maxPriorInvoices,
      description: "Earlier claims' invoice fingerprints (vendor + number, file hash)"
    }),
    documents: Type.Array(MdfDocumentSchema, { maxItems: MDF_LIMITS.maxDocuments })
  },
  strict
);
export type CheckRequest = Static<typeof CheckRequestSchema>;
export type MdfDocumentInput = Static<typeof MdfDocumentSchema>;

// ---- response ----

export const MdfEvidenceSchema = Type.Object(
  {
    documentIndex: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'Index in documents[]; absent when the evidence is claim data'
      })
    ),
    field: Type.Optional(Type.String({ description: 'The field the evidence is about, e.g. grossAmount' })),
    text: Type.String({ description: 'The text it came from (document text, or the claim value)' })
  },
  strict
);

export const MdfSeveritySchema = Type.Union([
  Type.Literal('INFO'),
  Type.Literal('WARNING'),
  Type.Literal('CRITICAL')
]);

export const MdfFactorSchema = Type.Object(
  {
    code: Type.String({ description: 'Stable code, e.g. AMOUNT_ABOVE_APPROVED' }),
    severity: MdfSeveritySchema,
    sentence: Type.String({ description: 'One sentence for the channel manager (may quote evidence)' }),
    partnerSafe: Type.Boolean({ description: 'The sentence may be shown to the partner as it is' }),
    evidence: Type.Array(MdfEvidenceSchema)
  },
  strict
);

export const ExtractedTextSchema = Type.Object(
  {
    value: Type.String(),
    confidence: Probability,
    sourceText: Type.String({ description: 'The document text the value was read from' })
  },
  strict
);
export const ExtractedAmountSchema = Type.Object(
  {
    value: Type.Number(),
    confidence: Probability,
    sourceText: Type.String()
  },
  strict
);
export const ExtractedLineItemSchema = Type.Object(
  {
    description: Type.String(),
    amount: Type.Number(),
    confidence: Probability,
    sourceText: Type.String()
  },
  strict
);

export const MdfExtractedFieldsSchema = Type.Object(
  {
    vendorName: Type.Optional(ExtractedTextSchema),
    invoiceNumber: Type.Optional(ExtractedTextSchema),
    invoiceDate: Type.Optional(ExtractedTextSchema),
    netAmount: Type.Optional(ExtractedAmountSchema),
    taxAmount: Type.Optional(ExtractedAmountSchema),
    grossAmount: Type.Optional(ExtractedAmountSchema),
    currencyIsoCode: Type.Optional(ExtractedTextSchema),
    lineItems: Type.Array(ExtractedLineItemSchema)
  },
  strict
);

export const MdfTextSourceSchema = Type.Union([
  Type.Literal('TEXT_LAYER'),
  Type.Literal('OCR'),
  Type.Literal('NONE')
]);

export const MdfDocumentResultSchema = Type.Object(
  {
    documentIndex: Type.Integer({ minimum: 0 }),
    fileName: Type.String(),
    role: MdfDocumentRoleSchema,
    pages: Type.Integer({ minimum: 0 }),
    textSource: MdfTextSourceSchema,
    ocrConfidence: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'Mean OCR word confidence' })
    ),
    fileSha256: Type.String({ description: 'SHA-256 of the file, hex (store it as the fingerprint)' }),
    invoiceKey: Type.Optional(
      Type.String({
        description: 'Normalized vendor|number fingerprint (store it to find the invoice again)'
      })
    ),
    fields: MdfExtractedFieldsSchema
  },
  strict
);

export const MdfReconciliationSchema = Type.Object(
  {
    currencyIsoCode: Type.String({ description: 'Currency of the amounts below (the claim currency)' }),
    invoiceCount: Type.Integer({ minimum: 0 }),
    invoiceTotal: Type.Number({ description: 'Sum of the invoices read in the claim currency (gross)' }),
    eligibleAmount: Type.Number({ description: 'Cost lines whose category the policy allows' }),
    coFundedAmount: Type.Number({ description: 'eligibleAmount x coFundingPercent' }),
    remainingApproved: Type.Number({ description: 'Approved amount minus amounts already claimed' }),
    recommendedPayout: Type.Number({ description: 'min(claim, co-funded share, remaining approved)' }),
    earliestInvoiceDate: Type.Optional(Type.String({ format: 'date' })),
    latestInvoiceDate: Type.Optional(Type.String({ format: 'date' })),
    claimDeadline: Type.String({ format: 'date', description: 'Activity end + claimDeadlineDays' }),
    vendorNames: Type.Array(Type.String()),
    invoiceNumbers: Type.Array(Type.String())
  },
  strict
);

export const MdfPartnerMessageSchema = Type.Object(
  {
    code: Type.String(),
    message: Type.String({ description: 'Safe to show to the partner: no manager-only evidence' })
  },
  strict
);

export const CheckResponseSchema = Type.Object(
  {
    requestId: Type.String(),
    recommendation: Type.Union([Type.Literal('APPROVE'), Type.Literal('REVIEW'), Type.Literal('REJECT')]),
    summary: Type.String({ description: 'One sentence: the recommendation and why' }),
    factors: Type.Array(MdfFactorSchema),
    documents: Type.Array(MdfDocumentResultSchema),
    reconciliation: MdfReconciliationSchema,
    partnerMessages: Type.Array(MdfPartnerMessageSchema),
    engine: Type.Union([Type.Literal('builtin'), Type.Literal('llm')]),
    checkVersion: Type.String({ description: 'Version of the checks (same input + version = same answer)' })
  },
  strict
);
export type CheckResponse = Static<typeof CheckResponseSchema>;
export type MdfFactor = Static<typeof MdfFactorSchema>;
export type MdfEvidence = Static<typeof MdfEvidenceSchema>;
export type MdfExtractedFields = Static<typeof MdfExtractedFieldsSchema>;
export type MdfDocumentResult = Static<typeof MdfDocumentResultSchema>;
export type ExtractedText = Static<typeof ExtractedTextSchema>;
export type ExtractedAmount = Static<typeof ExtractedAmountSchema>;
export type ExtractedLineItem = Static<typeof ExtractedLineItemSchema>;

// The checks of one MDF claim: deterministic rules over the claim, the fund request, the policy,
// earlier invoices and the fields read from the documents. Each finding is a factor with a
// stable code, a severity, one sentence and its evidence; CRITICAL -> REJECT, WARNING -> REVIEW,
// otherwise APPROVE. Partner messages never quote other claims or manager-only evidence.
import { invoiceKey, invoiceNumberKey, vendorKey } from './extract';
import type { CheckRequest, CheckResponse, MdfDocumentResult, MdfEvidence, MdfFactor } from './schemas';

export const CHECK_VERSION = 'mdf-checks-1';
const DEFAULT_TOLERANCE = 0.05;

type Severity = MdfFactor['severity'];

const money = (n: number, currency: string) =>
  `${currency} ${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const round2 = (n: number) => Math.round(n * 100) / 100;
const norm = (s: string) => s.trim().toLowerCase();

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Finding extends MdfFactor {
  /** Partner-safe wording (when the manager sentence quotes something the partner must not see). */
  partnerMessage?: string;
}

export function checkClaim(request: CheckRequest, documents: MdfDocumentResult[]): CheckResponse {
  const { claim, fundRequest, policy } = request;
  const tolerance = policy.totalsTolerance ?? DEFAULT_TOLERANCE;
  const findings: Finding[] = [];
  const add = (
    code: string,
    severity: Severity,
    sentence: string,
    evidence: MdfEvidence[],
    partnerMessage?: string
  ) => {
    findings.push({
      code,
      severity,
      sentence,
      partnerSafe: partnerMessage === undefined,
      evidence,
      ...(partnerMessage ? { partnerMessage } : {})
    });
  };
  const claimEvidence = (field: string, text: string): MdfEvidence => ({ field, text });
  const cur = claim.currencyIsoCode;
  const invoices = documents.filter((d) => d.role === 'invoice');

  // --- Policy and request ---------------------------------------------------------------
  const allowedTypes = policy.allowedActivityTypes.map(norm);
  if (allowedTypes.length > 0 && !allowedTypes.includes(norm(claim.activityType))) {
    add(
      'ACTIVITY_TYPE_NOT_ALLOWED',
      'CRITICAL',
      `The activity type "${claim.activityType}" is not allowed by the programme policy.`,
      [claimEvidence('claim.activityType', claim.activityType)]
    );
  }
  if (norm(claim.activityType) !== norm(fundRequest.activityType)) {
    add(
      'ACTIVITY_DIFFERS_FROM_REQUEST',
      'WARNING',
      `The claim is for "${claim.activityType}" but the funds were approved for "${fundRequest.activityType}".`,
      [
        claimEvidence('claim.activityType', claim.activityType),
        claimEvidence('fundRequest.activityType', fundRequest.activityType)
      ]
    );
  }
  if (
    claim.activityStartDate < fundRequest.activityStartDate ||
    claim.activityEndDate > fundRequest.activityEndDate
  ) {
    add(
      'ACTIVITY_OUTSIDE_APPROVED_WINDOW',
      'WARNING',
      `The activity ran ${claim.activityStartDate} to ${claim.activityEndDate}, outside the approved ${fundRequest.activityStartDate} to ${fundRequest.activityEndDate}.`,
      [
        claimEvidence('claim.activityStartDate', claim.activityStartDate),
        claimEvidence('claim.activityEndDate', claim.activityEndDate)
      ]
    );
  }
  if (fundRequest.claimsAlreadyMade >= policy.maxClaimsPerRequest) {
    add(
      'MAX_CLAIMS_REACHED',
      'CRITICAL',
      `This fund request already has ${fundRequest.claimsAlreadyMade} claim(s); the policy allows ${policy.maxClaimsPerRequest}.`,
      [claimEvidence('fundRequest.claimsAlreadyMade', String(fundRequest.claimsAlreadyMade))]
    );
  }
  const deadline = addDays(claim.activityEndDate, policy.claimDeadlineDays);
  if (claim.submittedOn > deadline) {
    add(
      'CLAIM_AFTER_DEADLINE',
      'CRITICAL',
      `The claim is submitted on ${claim.submittedOn}, after the deadline of ${deadline} (${policy.claimDeadlineDays} days after the activity ended).`,
      [claimEvidence('claim.submittedOn', claim.submittedOn)]
    );
  }
  if (claim.currencyIsoCode !== fundRequest.currencyIsoCode) {
    add(
      'CURRENCY_MISMATCH',
      'CRITICAL',
      `The claim is in ${claim.currencyIsoCode} but the funds were approved in ${fundRequest.currencyIsoCode}.`,
      [
        claimEvidence('claim.currencyIsoCode', claim.currencyIsoCode),
        claimEvidence('fundRequest.currencyIsoCode', fundRequest.currencyIsoCode)
      ]
    );
  }

  if (claim.partnerExplanation && claim.partnerExplanation.trim() !== '') {
    add('PARTNER_EXPLANATION', 'INFO', `The partner explains: "${claim.partnerExplanation.trim()}"`, [
      claimEvidence('claim.partnerExplanation', claim.partnerExplanation.trim())
    ]);
  }

  // --- Amounts -----------------------------------------------------------------------------
  const allowedCategories = policy.allowedCostCategories.map(norm);
  const refused = claim.costLines.filter(
    (l) => allowedCategories.length > 0 && !allowedCategories.includes(norm(l.category))
  );
  for (const line of refused) {
    add(
      'COST_CATEGORY_NOT_ALLOWED',
      'WARNING',
      `The cost line "${line.description}" (${money(line.amount, cur)}) is in category "${line.category}", which the policy does not allow.`,
      [claimEvidence('claim.costLines.category', line.category)]
    );
  }
  const costsTotal = round2(claim.costLines.reduce((s, l) => s + l.amount, 0));
  const eligibleCosts = round2(
    claim.costLines.filter((l) => !refused.includes(l)).reduce((s, l) => s + l.amount, 0)
  );
  const coFunded = round2((eligibleCosts * policy.coFundingPercent) / 100);
  const eligible = eligibleCosts;
  const remaining = round2(Math.max(0, fundRequest.approvedAmount - fundRequest.amountAlreadyClaimed));
  if (claim.amount > remaining + tolerance) {
    add(
      'CLAIM_ABOVE_APPROVED',
      'WARNING',
      `The claim of ${money(claim.amount, cur)} is above the ${money(remaining, cur)} still approved on the fund request (${money(fundRequest.approvedAmount, cur)} approved, ${money(fundRequest.amountAlreadyClaimed, cur)} already claimed).`,
      [
        claimEvidence('claim.amount', String(claim.amount)),
        claimEvidence('fundRequest.approvedAmount', String(fundRequest.approvedAmount))
      ]
    );
  }
  if (claim.amount > coFunded + tolerance) {
    add(
      'CLAIM_ABOVE_COFUNDING_SHARE',
      'WARNING',
      `The claim of ${money(claim.amount, cur)} is above the programme's ${policy.coFundingPercent}% share of the eligible cost (${money(coFunded, cur)} of ${money(eligible, cur)}).`,
      [claimEvidence('claim.amount', String(claim.amount))]
    );
  }

  // --- Documents -----------------------------------------------------------------------------
  if (invoices.length === 0) {
    add('INVOICE_MISSING', 'CRITICAL', 'No invoice or receipt is attached to the claim.', []);
  }
  const proofTypes = policy.proofRequiredActivityTypes.map(norm);
  if (proofTypes.includes(norm(claim.activityType)) && !documents.some((d) => d.role === 'proof')) {
    add(
      'PROOF_MISSING',
      'WARNING',
      `Proof of execution (photos, screenshots, attendee list) is required for "${claim.activityType}" and none is attached.`,
      [claimEvidence('claim.activityType', claim.activityType)]
    );
  }

  const priorHashes = new Map(
    request.priorInvoices.filter((p) => p.fileSha256).map((p) => [p.fileSha256!, p])
  );
  const priorKeys = new Map(
    request.priorInvoices
      .filter((p) => p.vendorName && p.invoiceNumber)
      .map((p) => [invoiceKey(p.vendorName!, p.invoiceNumber!), p])
  );
  const seenHash = new Map<string, number>();
  const seenKey = new Map<string, number>();
  let invoiceTotal = 0;
  const dates: string[] = [];
  for (const doc of documents) {
    const f = doc.fields;
    const ev = (field: string, text: string): MdfEvidence => ({
      documentIndex: doc.documentIndex,
      field,
      text
    });
    const name = `"${doc.fileName}"`;
    // Duplicates: same file, or same vendor + number, earlier or in this claim.
    const priorByHash = priorHashes.get(doc.fileSha256);
    const sameFileHere = seenHash.get(doc.fileSha256);
    if (priorByHash || sameFileHere !== undefined) {
      add(
        'DUPLICATE_INVOICE',
        'CRITICAL',
        priorByHash
          ? `${name} is the same file as an invoice already claimed${priorByHash.claimId ? ` on claim ${priorByHash.claimId}` : ''}.`
          : `${name} is the same file as document ${sameFileHere} of this claim.`,
        [ev('fileSha256', doc.fileSha256)],
        `${name} has already been submitted.`
      );
    } else if (doc.invoiceKey && doc.role === 'invoice') {
      const prior = priorKeys.get(doc.invoiceKey);
      const here = seenKey.get(doc.invoiceKey);
      if (prior || here !== undefined) {
        add(
          'DUPLICATE_INVOICE',
          'CRITICAL',
          prior
            ? `Invoice ${f.invoiceNumber?.value ?? ''} from ${f.vendorName?.value ?? ''} was already claimed${prior.claimId ? ` on claim ${prior.claimId}` : ''}.`
            : `Invoice ${f.invoiceNumber?.value ?? ''} from ${f.vendorName?.value ?? ''} is attached twice (documents ${here} and ${doc.documentIndex}).`,
          [
            ev('invoiceNumber', f.invoiceNumber?.sourceText ?? ''),
            ev('vendorName', f.vendorName?.sourceText ?? '')
          ],
          `Invoice ${f.invoiceNumber?.value ?? ''} has already been submitted.`
        );
      }
    }
    seenHash.set(doc.fileSha256, doc.documentIndex);
    if (doc.invoiceKey) seenKey.set(doc.invoiceKey, doc.documentIndex);
    if (doc.role !== 'invoice') continue;

    if (doc.textSource === 'NONE') {
      add('DOCUMENT_UNREADABLE', 'WARNING', `No text could be read from ${name}.`, [
        ev('document', doc.fileName)
      ]);
      continue;
    }
    const missing = (['vendorName', 'invoiceNumber', 'invoiceDate', 'grossAmount'] as const).filter(
      (k) => !f[k]
    );
    if (missing.length > 0) {
      add('INVOICE_FIELDS_MISSING', 'WARNING', `${name}: could not find ${missing.join(', ')}.`, [
        ev('document', doc.fileName)
      ]);
    }
    if (doc.ocrConfidence !== undefined && doc.ocrConfidence < 0.6) {
      add(
        'LOW_READING_CONFIDENCE',
        'WARNING',
        `${name} was read by OCR with low confidence (${Math.round(doc.ocrConfidence * 100)}%): check the fields by eye.`,
        [ev('ocrConfidence', String(doc.ocrConfidence))]
      );
    }
    // Totals that do not add up.
    if (f.netAmount && f.taxAmount && f.grossAmount) {
      const sum = round2(f.netAmount.value + f.taxAmount.value);
      if (Math.abs(sum - f.grossAmount.value) > tolerance) {
        add(
          'INVOICE_TOTALS_DO_NOT_ADD_UP',
          'WARNING',
          `${name}: net ${f.netAmount.value.toFixed(2)} + tax ${f.taxAmount.value.toFixed(2)} = ${sum.toFixed(2)}, but the total says ${f.grossAmount.value.toFixed(2)}.`,
          [
            ev('netAmount', f.netAmount.sourceText),
            ev('taxAmount', f.taxAmount.sourceText),
            ev('grossAmount', f.grossAmount.sourceText)
          ]
        );
      }
    }
    const base = f.netAmount ?? (f.taxAmount ? undefined : f.grossAmount);
    if (base && f.lineItems.length > 1) {
      const items = round2(f.lineItems.reduce((s, i) => s + i.amount, 0));
      if (Math.abs(items - base.value) > tolerance) {
        add(
          'INVOICE_TOTALS_DO_NOT_ADD_UP',
          'WARNING',
          `${name}: the line items add up to ${items.toFixed(2)} but the ${f.netAmount ? 'net total' : 'total'} says ${base.value.toFixed(2)}.`,
          [
            ev(f.netAmount ? 'netAmount' : 'grossAmount', base.sourceText),
            ...f.lineItems.slice(0, 5).map((i) => ev('lineItems', i.sourceText))
          ]
        );
      }
    }
    // Currency.
    if (f.currencyIsoCode && f.currencyIsoCode.value !== claim.currencyIsoCode) {
      add(
        'CURRENCY_MISMATCH',
        'WARNING',
        `${name} is in ${f.currencyIsoCode.value} but the claim is in ${claim.currencyIsoCode}.`,
        [ev('currencyIsoCode', f.currencyIsoCode.sourceText)]
      );
    } else if (f.grossAmount) {
      invoiceTotal += f.grossAmount.value;
    }
    // Dates.
    if (f.invoiceDate) {
      const d = f.invoiceDate.value;
      dates.push(d);
      // An invoice may be issued before the activity (deposits, bookings) but not before the approval window.
      if (d < fundRequest.activityStartDate || d > addDays(claim.activityEndDate, 30)) {
        add(
          'INVOICE_DATE_OUTSIDE_ACTIVITY',
          'WARNING',
          `${name} is dated ${d}, outside the activity window ${fundRequest.activityStartDate} to ${claim.activityEndDate} (30 days after the end allowed for billing).`,
          [ev('invoiceDate', f.invoiceDate.sourceText)]
        );
      }
      if (d > deadline) {
        add(
          'INVOICE_AFTER_DEADLINE',
          'WARNING',
          `${name} is dated ${d}, after the claim deadline of ${deadline}.`,
          [ev('invoiceDate', f.invoiceDate.sourceText)]
        );
      }
    }
  }
  invoiceTotal = round2(invoiceTotal);
  // The costs claimed must be backed by the invoices (only comparable when every invoice's total was
  // read in the claim currency: the function converts no currencies).
  const comparable = invoices.every(
    (d) => d.fields.grossAmount && (!d.fields.currencyIsoCode || d.fields.currencyIsoCode.value === cur)
  );
  if (invoices.length > 0 && comparable && costsTotal > invoiceTotal + tolerance) {
    add(
      'COSTS_NOT_BACKED_BY_INVOICES',
      'WARNING',
      `The cost lines add up to ${money(costsTotal, cur)}, more than the ${money(invoiceTotal, cur)} the attached invoices show.`,
      [
        claimEvidence('claim.costLines', money(costsTotal, cur)),
        ...invoices
          .filter((d) => d.fields.grossAmount)
          .map((d) => ({
            documentIndex: d.documentIndex,
            field: 'grossAmount',
            text: d.fields.grossAmount!.sourceText
          }))
      ]
    );
  }

  const recommendation: CheckResponse['recommendation'] = findings.some((f) => f.severity === 'CRITICAL')
    ? 'REJECT'
    : findings.some((f) => f.severity === 'WARNING')
      ? 'REVIEW'
      : 'APPROVE';
  if (!findings.some((f) => f.severity !== 'INFO')) {
    add(
      'ALL_CHECKS_PASSED',
      'INFO',
      'The claim is within the approved amount, the policy and the documents it is based on.',
      []
    );
  }
  const sorted = dates.sort();
  const vendors = [
    ...new Set(invoices.flatMap((d) => (d.fields.vendorName ? [d.fields.vendorName.value] : [])))
  ];
  const numbers = [
    ...new Set(invoices.flatMap((d) => (d.fields.invoiceNumber ? [d.fields.invoiceNumber.value] : [])))
  ];
  const payout = round2(Math.max(0, Math.min(claim.amount, coFunded, remaining)));
  const summaryReasons = findings
    .filter((f) => f.severity !== 'INFO')
    .map((f) => f.code.toLowerCase().replace(/_/g, ' '));
  const summary =
    recommendation === 'APPROVE'
      ? `Approve: every check passed; recommended payout ${money(payout, cur)}.`
      : `${recommendation === 'REJECT' ? 'Reject' : 'Review'}: ${[...new Set(summaryReasons)].join('; ')}.`;
  const partnerMessages = findings
    .filter((f) => f.severity !== 'INFO')
    .map((f) => ({ code: f.code, message: f.partnerMessage ?? f.sentence }));

  return {
    requestId: request.requestId,
    recommendation,
    summary,
    factors: findings.map(({ partnerMessage: _p, ...f }) => f),
    documents,
    reconciliation: {
      currencyIsoCode: cur,
      invoiceCount: invoices.length,
      invoiceTotal,
      eligibleAmount: eligible,
      coFundedAmount: coFunded,
      remainingApproved: remaining,
      recommendedPayout: payout,
      ...(sorted.length ? { earliestInvoiceDate: sorted[0]!, latestInvoiceDate: sorted.at(-1)! } : {}),
      claimDeadline: deadline,
      vendorNames: vendors,
      invoiceNumbers: numbers
    },
    partnerMessages,
    engine: 'builtin',
    checkVersion: CHECK_VERSION
  };
}

export { vendorKey, invoiceNumberKey };

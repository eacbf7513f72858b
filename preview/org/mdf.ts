/**
 * The MDF claim controllers (MdfClaimController, MdfClaimReviewController) against the preview
 * org, with the rules the Apex classes apply: a partner reaches only their company's fund requests
 * and claims and sees partner-safe text; the check is the real `POST /v1/mdf/check` of the function,
 * in-process (documents are the files uploaded through the lightning-file-upload stand-in); a
 * decision against the recommendation needs a reason and is recorded as an override.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createHash } from 'node:crypto';
import { AuraError, type PreviewOrg, type User } from './org';
import { ScoringUnavailable } from './scoring';
import type { CheckRequest, CheckResponse } from '../../functions/deal-scoring/src/mdf/schemas';

type ApexModule<M> = M extends (params: infer P) => Promise<infer R>
  ? (org: PreviewOrg, user: User, params: P) => R | Promise<R>
  : never;
interface MdfContract {
  'MdfClaimController.getClaimContext': (typeof import('@salesforce/apex/MdfClaimController.getClaimContext'))['default'];
  'MdfClaimController.saveDraft': (typeof import('@salesforce/apex/MdfClaimController.saveDraft'))['default'];
  'MdfClaimController.checkClaim': (typeof import('@salesforce/apex/MdfClaimController.checkClaim'))['default'];
  'MdfClaimController.submitClaim': (typeof import('@salesforce/apex/MdfClaimController.submitClaim'))['default'];
  'MdfClaimReviewController.getReview': (typeof import('@salesforce/apex/MdfClaimReviewController.getReview'))['default'];
  'MdfClaimReviewController.decide': (typeof import('@salesforce/apex/MdfClaimReviewController.decide'))['default'];
}
type Impl<K extends keyof MdfContract> = ApexModule<MdfContract[K]>;

/** The policy the preview runs with (the Default MDF_Policy__mdt record of force-app-mdf). */
export const PREVIEW_POLICY = {
  policyName: 'Default',
  allowedActivityTypes: ['Event', 'Digital Campaign', 'Trade Show', 'Webinar', 'Print Advertising'],
  allowedCostCategories: [
    'Venue',
    'Catering',
    'Advertising',
    'Printing',
    'Promotional Items',
    'Agency Fees',
    'Travel'
  ],
  proofRequiredActivityTypes: ['Event', 'Trade Show', 'Webinar', 'Digital Campaign'],
  coFundingPercent: 50,
  claimDeadlineDays: 60,
  maxClaimsPerRequest: 3,
  totalsTolerance: 0.05
};
const EDITABLE = new Set(['Draft', 'Checked', 'More Info Requested']);
const COUNTED = new Set(['Submitted', 'More Info Requested', 'Approved']);

export interface FundRequest {
  id: string;
  title: string;
  accountId: string;
  ownerId: string;
  amount: number;
  currency: string;
  activity: string;
  status: string;
  start: string;
  end: string;
}
export interface StoredFile {
  id: string;
  name: string;
  role: 'invoice' | 'proof';
  base64: string;
}
export interface Claim {
  id: string;
  requestId: string;
  ownerId: string;
  title: string;
  stage: string;
  amount: number | null;
  start: string | null;
  end: string | null;
  costLines: MdfCostLine[];
  dealRegistrationId: string | null;
  explanation: string | null;
  files: StoredFile[];
  result: CheckResponse | null;
  checkError: string | null;
  checkedAt: string | null;
  fingerprints: string[];
  pendingApproval: boolean;
  humanDecision: string | null;
  decisionReason: string | null;
  overridden: boolean;
}
export interface MdfState {
  requests: Map<string, FundRequest>;
  claims: Map<string, Claim>;
  counter: number;
}

const STATES = new WeakMap<PreviewOrg, MdfState>();

/** Seeded ids the pages use. */
export const NORTHWIND_FUND_REQUEST = '0ZUPV0000000001AAA';
export const BLUERIVER_FUND_REQUEST = '0ZUPV0000000002AAA';
export const SEEDED_CLAIM = '0ZVPV0000000001AAA';
/** Blue River's Acme Corporation registration of data/ (the console page's score card shows it). */
export const SEEDED_REGISTRATION = 'a01PV0000000002AAA';

/** The MDF part of a preview org (created on first use, seeded like the org's data/). */
export function mdfState(org: PreviewOrg): MdfState {
  let s = STATES.get(org);
  if (!s) {
    s = seed(org);
    STATES.set(org, s);
  }
  return s;
}

function seed(org: PreviewOrg): MdfState {
  const s: MdfState = { requests: new Map(), claims: new Map(), counter: 10 };
  const manager = org.userByPersona('manager');
  const northwind = org.userByPersona('northwind');
  const blueriver = org.userByPersona('blueriver');
  const add = (r: FundRequest) => s.requests.set(r.id, r);
  add({
    id: NORTHWIND_FUND_REQUEST,
    title: 'Spring partner roadshow',
    accountId: northwind.accountId!,
    ownerId: manager.id,
    amount: 10000,
    currency: 'EUR',
    activity: 'Event',
    status: 'Approved',
    start: '2026-05-10',
    end: '2026-05-12'
  });
  add({
    id: BLUERIVER_FUND_REQUEST,
    title: 'Blue River webinar series',
    accountId: blueriver.accountId!,
    ownerId: manager.id,
    amount: 6000,
    currency: 'EUR',
    activity: 'Webinar',
    status: 'Approved',
    start: '2026-04-01',
    end: '2026-04-30'
  });
  // A submitted Blue River claim the console reviews, tied to its Acme Corporation registration.
  const registration = org.registrations.get(SEEDED_REGISTRATION);
  s.claims.set(SEEDED_CLAIM, {
    id: SEEDED_CLAIM,
    requestId: BLUERIVER_FUND_REQUEST,
    ownerId: blueriver.id,
    title: 'Claim: Blue River webinar series',
    stage: 'Submitted',
    amount: 1500,
    start: '2026-04-01',
    end: '2026-04-30',
    costLines: [
      { description: 'Webinar platform', category: 'Agency Fees', amount: 1000 },
      { description: 'Promoted posts', category: 'Advertising', amount: 469.13 }
    ],
    dealRegistrationId: registration?.id ?? null,
    explanation: 'The agency invoice is in German.',
    files: [],
    result: null,
    checkError: null,
    checkedAt: null,
    fingerprints: [],
    pendingApproval: true,
    humanDecision: null,
    decisionReason: null,
    overridden: false
  });
  return s;
}

/** A one-page invoice PDF with a text layer (what a partner uploads). */
export async function invoicePdf(lines: [string, string?][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach(([left, right], i) => {
    const y = 790 - i * 22;
    page.drawText(left, { x: 50, y, size: 11, font });
    if (right) page.drawText(right, { x: 545 - font.widthOfTextAtSize(right, 11), y, size: 11, font });
  });
  return Buffer.from(await doc.save());
}

/** The invoice of the seeded claim (German number format, 19% VAT). */
export const SEEDED_INVOICE: [string, string?][] = [
  ['Hanse Webinar Agentur GmbH'],
  ['Rechnungsnr.: HW-2026-118'],
  ['Rechnungsdatum: 02.05.2026'],
  ['Webinar platform', '1.000,00'],
  ['Promoted posts', '234,56'],
  ['Zwischensumme', '1.234,56'],
  ['MwSt. 19%', '234,57'],
  ['Gesamtbetrag (EUR)', '1.469,13']
];

async function seededFiles(claim: Claim): Promise<void> {
  if (claim.id !== SEEDED_CLAIM || claim.files.length > 0) return;
  claim.files.push({
    id: '069PV0000000001AAA',
    name: 'hanse-webinar-invoice.pdf',
    role: 'invoice',
    base64: (await invoicePdf(SEEDED_INVOICE)).toString('base64')
  });
}

// ---------------------------------------------------------------- access

function ownRequest(org: PreviewOrg, user: User, id: unknown): FundRequest {
  const r = typeof id === 'string' ? mdfState(org).requests.get(id) : undefined;
  if (!r || (user.role === 'partner' && r.accountId !== user.accountId))
    throw new AuraError(`Fund request not found: ${String(id)}`);
  return r;
}

function ownClaim(org: PreviewOrg, user: User, id: unknown): Claim {
  const c = typeof id === 'string' ? mdfState(org).claims.get(id) : undefined;
  const request = c ? mdfState(org).requests.get(c.requestId) : undefined;
  if (!c || !request || (user.role === 'partner' && request.accountId !== user.accountId))
    throw new AuraError(`Claim not found: ${String(id)}`);
  return c;
}

// ---------------------------------------------------------------- views

function messagesOf(c: Claim): string[] {
  const out = (c.result?.partnerMessages ?? []).map((m) => m.message);
  if (c.checkError) out.push(`Document check failed: ${c.checkError}`);
  return out;
}

const FIELD_LABELS: [keyof NonNullable<CheckResponse['documents'][number]['fields']>, string][] = [
  ['vendorName', 'Vendor'],
  ['invoiceNumber', 'Invoice number'],
  ['invoiceDate', 'Invoice date'],
  ['netAmount', 'Net amount'],
  ['taxAmount', 'Tax'],
  ['grossAmount', 'Total'],
  ['currencyIsoCode', 'Currency']
];

function documentsOf(c: Claim, forManager: boolean, currency: string): MdfDocumentView[] {
  return c.files.map((f) => {
    const d = c.result?.documents.find((x) => x.fileName === f.name);
    const fields: MdfFieldView[] = [];
    for (const [name, label] of FIELD_LABELS) {
      const x = d?.fields[name];
      if (!x || Array.isArray(x)) continue;
      fields.push({
        name,
        label,
        value: String(x.value),
        confidence: x.confidence,
        sourceText: forManager ? x.sourceText : null,
        claimValue:
          name === 'grossAmount' ? String(c.amount ?? '') : name === 'currencyIsoCode' ? currency : null
      });
    }
    return {
      contentDocumentId: f.id,
      fileName: f.name,
      role: f.role,
      checked: !!d,
      textSource: d?.textSource ?? null,
      fields
    };
  });
}

function claimView(org: PreviewOrg, c: Claim, forManager = false): MdfClaimView {
  const request = mdfState(org).requests.get(c.requestId)!;
  const registration = c.dealRegistrationId ? org.registrations.get(c.dealRegistrationId) : undefined;
  const canEdit = EDITABLE.has(c.stage);
  return {
    claimId: c.id,
    title: c.title,
    stage: c.stage,
    amount: c.amount,
    currencyIsoCode: request.currency,
    activityStartDate: c.start,
    activityEndDate: c.end,
    costLines: c.costLines,
    dealRegistrationId: c.dealRegistrationId,
    dealRegistrationName: registration?.name ?? null,
    explanation: c.explanation,
    checkedAt: c.checkedAt,
    documents: documentsOf(c, forManager, request.currency),
    messages: messagesOf(c),
    decisionReason:
      forManager || ['Rejected', 'More Info Requested'].includes(c.stage) ? c.decisionReason : null,
    canEdit,
    canSubmit: canEdit && (c.amount ?? 0) > 0
  };
}

function reviewView(org: PreviewOrg, c: Claim): MdfClaimReview {
  const request = mdfState(org).requests.get(c.requestId)!;
  const partner = org.accounts.get(request.accountId);
  const res = c.result;
  const names = new Map((res?.documents ?? []).map((d) => [d.documentIndex, d.fileName]));
  const money = (n: number | undefined) =>
    n === undefined
      ? ''
      : `${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${request.currency}`;
  const r = res?.reconciliation;
  const reconciliation = r
    ? [
        ['Invoices read', String(r.invoiceCount)],
        ['Invoice total', money(r.invoiceTotal)],
        ['Eligible amount', money(r.eligibleAmount)],
        ['Co-funded share', money(r.coFundedAmount)],
        ['Approved amount left', money(r.remainingApproved)],
        ['Recommended payout', money(r.recommendedPayout)],
        ['Claim deadline', r.claimDeadline]
      ].map(([label, value]) => ({ label: label!, value: value! }))
    : [];
  return {
    ...claimView(org, c, true),
    partnerName: partner?.name ?? null,
    fundRequestTitle: request.title,
    approvedAmount: request.amount,
    recommendation: res?.recommendation ?? null,
    summary: res?.summary ?? null,
    recommendedPayout: r?.recommendedPayout ?? null,
    factors: [
      ...(res?.factors ?? []).map((f) => ({
        code: f.code,
        severity: f.severity,
        sentence: f.sentence,
        evidence: f.evidence.map(
          (e) =>
            `${e.documentIndex === undefined ? 'Claim' : (names.get(e.documentIndex) ?? `Document ${e.documentIndex}`)}${e.field ? ` (${e.field})` : ''}: ${e.text}`
        )
      })),
      ...(c.checkError
        ? [
            {
              code: 'CHECK_UNAVAILABLE',
              severity: 'WARNING',
              sentence: `Document check failed: ${c.checkError}`,
              evidence: []
            }
          ]
        : [])
    ],
    reconciliation,
    pendingApproval: c.pendingApproval,
    humanDecision: c.humanDecision,
    overridden: c.overridden,
    checkVersion: res?.checkVersion ?? null
  };
}

// ---------------------------------------------------------------- the check

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function contentType(name: string): CheckRequest['documents'][number]['contentType'] | undefined {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'pdf') return 'application/pdf';
  if (ext === 'png') return 'image/png';
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  return undefined;
}

/** Builds the request as MdfRequestBuilder does and calls the function in-process. */
export async function runCheck(org: PreviewOrg, c: Claim): Promise<void> {
  await seededFiles(c);
  const s = mdfState(org);
  const request = s.requests.get(c.requestId)!;
  if (!c.start || !c.end) {
    c.checkError = 'Activity start and end dates are required';
    return;
  }
  const siblings = [...s.claims.values()].filter(
    (x) => x.requestId === c.requestId && x.id !== c.id && COUNTED.has(x.stage)
  );
  const prior = [...s.claims.values()]
    .filter((x) => x.id !== c.id && COUNTED.has(x.stage))
    .flatMap((x) =>
      x.fingerprints.map((f) =>
        f.startsWith('sha256:')
          ? { claimId: x.id, fileSha256: f.slice(7) }
          : { claimId: x.id, vendorName: f.slice(4).split('|')[0]!, invoiceNumber: f.slice(4).split('|')[1]! }
      )
    );
  const documents = c.files
    .filter((f) => contentType(f.name))
    .slice(0, 10)
    .map((f) => ({ fileName: f.name, contentType: contentType(f.name)!, role: f.role, data: f.base64 }));
  const body: CheckRequest = {
    requestId: `mdf-${c.id}-${Date.now()}`,
    claim: {
      claimId: c.id,
      amount: c.amount ?? 0,
      currencyIsoCode: request.currency,
      activityType: request.activity,
      activityStartDate: c.start,
      activityEndDate: c.end,
      submittedOn: isoDate(org.now()),
      costLines: c.costLines,
      ...(c.explanation ? { partnerExplanation: c.explanation } : {})
    },
    fundRequest: {
      fundRequestId: request.id,
      approvedAmount: request.amount,
      currencyIsoCode: request.currency,
      activityType: request.activity,
      activityStartDate: request.start,
      activityEndDate: request.end,
      claimsAlreadyMade: siblings.length,
      amountAlreadyClaimed: siblings.reduce((sum, x) => sum + (x.amount ?? 0), 0)
    },
    policy: PREVIEW_POLICY,
    priorInvoices: prior,
    documents
  };
  try {
    const res = await org.scoring.post<CheckResponse>('/v1/mdf/check', body);
    c.result = res;
    c.checkError = null;
    c.checkedAt = org.now().toISOString();
    c.fingerprints = res.documents
      .filter((d) => d.role === 'invoice')
      .flatMap((d) => [...(d.invoiceKey ? [`key:${d.invoiceKey}`] : []), `sha256:${d.fileSha256}`]);
  } catch (e) {
    c.checkError =
      e instanceof ScoringUnavailable
        ? `the document check is unavailable right now (${e.message.slice(0, 120)})`
        : String(e);
  }
}

// ---------------------------------------------------------------- controllers

function dateOf(value: unknown, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new AuraError(`${field} must be a date as YYYY-MM-DD, got "${String(value)}"`);
  return value;
}

const getClaimContext: Impl<'MdfClaimController.getClaimContext'> = (org, user, p) => {
  const r = ownRequest(org, user, p.fundRequestId);
  const claims = [...mdfState(org).claims.values()].filter((c) => c.requestId === r.id);
  const open = claims.find((c) => c.ownerId === user.id && EDITABLE.has(c.stage));
  const claimsMade = claims.filter((c) => COUNTED.has(c.stage)).length;
  const deadline = new Date(`${r.end}T00:00:00Z`);
  deadline.setUTCDate(deadline.getUTCDate() + PREVIEW_POLICY.claimDeadlineDays);
  const claimable =
    r.status === 'Approved' && (open !== undefined || claimsMade < PREVIEW_POLICY.maxClaimsPerRequest);
  return {
    fundRequestId: r.id,
    fundRequestTitle: r.title,
    activityType: r.activity,
    approvedAmount: r.amount,
    currencyIsoCode: r.currency,
    activityStartDate: r.start,
    activityEndDate: r.end,
    claimDeadline: isoDate(deadline),
    claimable,
    notClaimableReason: claimable ? null : 'This fund request already has the claims the programme allows.',
    coFundingPercent: PREVIEW_POLICY.coFundingPercent,
    costCategories: PREVIEW_POLICY.allowedCostCategories,
    proofRequired: PREVIEW_POLICY.proofRequiredActivityTypes.includes(r.activity),
    claimsMade,
    maxClaims: PREVIEW_POLICY.maxClaimsPerRequest,
    registrations: [...org.registrations.values()]
      .filter((d) => d.partnerAccountId === r.accountId && d.status === 'Approved')
      .map((d) => ({ label: `${d.name} - ${d.customerName}`, value: d.id })),
    claim: open ? claimView(org, open) : null
  };
};

const saveDraft: Impl<'MdfClaimController.saveDraft'> = (org, user, p) => {
  const r = ownRequest(org, user, p.fundRequestId);
  if (r.status !== 'Approved') throw new AuraError('Claims can be made only on an approved fund request');
  const d = p.draft ?? {};
  if (d.amount !== null && d.amount !== undefined && d.amount < 0)
    throw new AuraError('amount must be zero or more');
  const start = dateOf(d.activityStartDate, 'activityStartDate');
  const end = dateOf(d.activityEndDate, 'activityEndDate');
  if (start && end && end < start)
    throw new AuraError('activityEndDate must be on or after activityStartDate');
  (d.costLines ?? []).forEach((l, i) => {
    if (!l.description?.trim()) throw new AuraError(`Cost line ${i + 1}: description is required`);
    if (!l.category?.trim()) throw new AuraError(`Cost line ${i + 1}: category is required`);
    if (l.amount === null || l.amount === undefined || l.amount < 0)
      throw new AuraError(`Cost line ${i + 1}: amount must be zero or more`);
  });
  const s = mdfState(org);
  let c: Claim;
  if (d.claimId) {
    c = ownClaim(org, user, d.claimId);
    if (!EDITABLE.has(c.stage)) throw new AuraError(`The claim is ${c.stage} and can no longer be changed`);
  } else {
    s.counter += 1;
    c = {
      id: `0ZVPV${String(s.counter).padStart(10, '0')}AAA`,
      requestId: r.id,
      ownerId: user.id,
      title: '',
      stage: 'Draft',
      amount: null,
      start: null,
      end: null,
      costLines: [],
      dealRegistrationId: null,
      explanation: null,
      files: [],
      result: null,
      checkError: null,
      checkedAt: null,
      fingerprints: [],
      pendingApproval: false,
      humanDecision: null,
      decisionReason: null,
      overridden: false
    };
    s.claims.set(c.id, c);
  }
  c.title = d.title?.trim() || `Claim: ${r.title}`;
  c.amount = d.amount ?? 0;
  c.start = start;
  c.end = end;
  c.costLines = (d.costLines ?? []).map((l) => ({
    description: l.description.trim(),
    category: l.category.trim(),
    amount: l.amount
  }));
  c.dealRegistrationId = d.dealRegistrationId || null;
  c.explanation = d.explanation || c.explanation;
  return claimView(org, c);
};

const checkClaim: Impl<'MdfClaimController.checkClaim'> = async (org, user, p) => {
  const c = ownClaim(org, user, p.claimId);
  if (!EDITABLE.has(c.stage)) throw new AuraError(`The claim is ${c.stage} and can no longer be checked`);
  await runCheck(org, c);
  if (c.checkError) throw new AuraError(c.checkError);
  c.stage = 'Checked';
  return claimView(org, c);
};

const submitClaim: Impl<'MdfClaimController.submitClaim'> = async (org, user, p) => {
  const c = ownClaim(org, user, p.claimId);
  if (!EDITABLE.has(c.stage)) throw new AuraError(`The claim is ${c.stage} and cannot be submitted again`);
  if (!c.amount || c.amount <= 0) throw new AuraError(`Amount must be more than zero to submit "${c.title}"`);
  if (!c.start || !c.end)
    throw new AuraError(`Activity start and end dates are required to submit "${c.title}"`);
  if (p.explanation) c.explanation = p.explanation.slice(0, 2000);
  c.stage = 'Submitted';
  // As the check job does: check, then route to the approval process even when the check failed.
  await runCheck(org, c);
  c.pendingApproval = true;
  return claimView(org, c);
};

const getReview: Impl<'MdfClaimReviewController.getReview'> = async (org, user, p) => {
  org.requireManager(user);
  const c = ownClaim(org, user, p.claimId);
  if (c.stage === 'Submitted' && !c.result && !c.checkError) await runCheck(org, c);
  return reviewView(org, c);
};

const ACTIONS: Record<MdfDecisionAction, string> = {
  APPROVE: 'Approved',
  REJECT: 'Rejected',
  REQUEST_INFO: 'More Info Requested'
};

const decide: Impl<'MdfClaimReviewController.decide'> = (org, user, p) => {
  org.requireManager(user);
  const c = ownClaim(org, user, p.claimId);
  const decision = ACTIONS[p.action];
  if (!decision)
    throw new AuraError(`action must be APPROVE, REJECT or REQUEST_INFO, got ${String(p.action)}`);
  const rec = c.result?.recommendation;
  const overridden =
    rec === 'APPROVE' ? p.action !== 'APPROVE' : rec === 'REJECT' ? p.action === 'APPROVE' : false;
  const reason = (p.reason ?? '').trim();
  if (!reason && (p.action !== 'APPROVE' || overridden))
    throw new AuraError(
      overridden
        ? 'reason is required when the decision differs from the recommendation'
        : 'reason is required'
    );
  if (!c.pendingApproval)
    throw new AuraError('The claim has no pending approval: it was decided or recalled');
  c.pendingApproval = false;
  c.humanDecision = decision;
  c.decisionReason = reason || null;
  c.overridden = overridden;
  c.stage = decision;
  return reviewView(org, c);
};

/** Preview-only: the related list stand-in (lightning/uiRelatedListApi) and the file upload stand-in. */
const getRelatedListRecords = (
  org: PreviewOrg,
  _user: User,
  p: { parentRecordId?: string; relatedListId?: string }
) => {
  if (p.relatedListId !== 'MDF_Claims__r')
    throw new AuraError(`Invalid relatedListId ${String(p.relatedListId)}`);
  const records = [...mdfState(org).claims.values()]
    .filter((c) => c.dealRegistrationId && c.dealRegistrationId === p.parentRecordId)
    .map((c) => ({
      id: c.id,
      fields: {
        Title: { value: c.title },
        Claim_Stage__c: { value: c.stage },
        Amount: { value: c.amount, displayValue: c.amount === null ? null : `EUR ${c.amount.toFixed(2)}` },
        Recommendation__c: { value: c.result?.recommendation ?? null }
      }
    }));
  return { records };
};

const upload = (
  org: PreviewOrg,
  user: User,
  p: {
    recordId?: string;
    fieldName?: string;
    fieldValue?: string;
    files?: { name: string; base64: string }[];
  }
) => {
  const c = ownClaim(org, user, p.recordId);
  if (!EDITABLE.has(c.stage)) throw new AuraError(`The claim is ${c.stage}: files can no longer be added`);
  const role = p.fieldName === 'MDF_Document_Role__c' && p.fieldValue === 'proof' ? 'proof' : 'invoice';
  return (p.files ?? []).map((f) => {
    const id = `069PV${createHash('sha256')
      .update(c.id + f.name + c.files.length)
      .digest('hex')
      .slice(0, 10)}AAA`;
    c.files.push({ id, name: f.name, role, base64: f.base64 });
    return { name: f.name, documentId: id };
  });
};

/** Every MDF method the preview org answers, by `Class.method` (spread into CONTROLLERS). */
export const MDF_CONTROLLERS = {
  'MdfClaimController.getClaimContext': getClaimContext,
  'MdfClaimController.saveDraft': saveDraft,
  'MdfClaimController.checkClaim': checkClaim,
  'MdfClaimController.submitClaim': submitClaim,
  'MdfClaimReviewController.getReview': getReview,
  'MdfClaimReviewController.decide': decide,
  'PreviewRelatedList.getRelatedListRecords': getRelatedListRecords,
  'PreviewFiles.upload': upload
} satisfies { [K in keyof MdfContract]: Impl<K> } & Record<string, unknown>;

import { LightningElement, api } from 'lwc';
import getReview from '@salesforce/apex/MdfClaimReviewController.getReview';
import decide from '@salesforce/apex/MdfClaimReviewController.decide';
import { reduceErrors } from 'c/ldsUtils';
import { formatLabel } from 'c/dealFormat';
import { LABELS } from './labels';

/** The decision each recommendation expects; any other decision is an override. */
export const EXPECTED_ACTION: Record<string, MdfDecisionAction | undefined> = {
  APPROVE: 'APPROVE',
  REJECT: 'REJECT'
};

const ACTION_LABELS: Record<MdfDecisionAction, string> = {
  APPROVE: LABELS.Action_APPROVE,
  REJECT: LABELS.Action_REJECT,
  REQUEST_INFO: LABELS.Action_REQUEST_INFO
};

interface FieldRow {
  key: string;
  label: string;
  value: string;
  confidenceText: string;
  sourceText: string;
  claimValue: string;
  mismatch: boolean;
  rowClass: string;
}

interface DocumentCard {
  key: string;
  headingId: string;
  fileName: string;
  meta: string;
  rows: FieldRow[];
  hasRows: boolean;
}

interface FactorRow {
  key: string;
  severity: string;
  badgeClass: string;
  sentence: string;
  evidence: { key: string; text: string }[];
  hasEvidence: boolean;
}

/**
 * Console: the claim review card of an MDF claim. Each document's extracted fields sit beside the
 * claim's values with their confidence and the text they came from; every discrepancy is listed
 * with its evidence; the recommendation and the recommended payout head the card. Approve, reject
 * or request more information with a reason (required unless approving as recommended; a decision
 * against the recommendation is recorded as an override).
 */
export default class MdfClaimReviewCard extends LightningElement {
  /** The PartnerFundClaim (record page). */
  @api recordId: string | undefined;

  readonly labels = LABELS;

  review: MdfClaimReview | undefined;
  error: unknown;
  loading = true;
  busy = false;
  action: MdfDecisionAction | null = null;
  reason = '';
  reasonError = '';
  notice = '';

  override connectedCallback(): void {
    this.load().catch(() => undefined);
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      if (!this.recordId) throw new Error(LABELS.Needs_Record);
      this.review = await getReview({ claimId: this.recordId });
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  get hasError(): boolean {
    return this.error !== undefined && reduceErrors(this.error).length > 0;
  }
  get ready(): boolean {
    return !this.loading && this.review !== undefined;
  }
  get recommendationText(): string {
    const r = this.review?.recommendation;
    return r ? formatLabel(LABELS.Recommendation, r) : LABELS.No_Result;
  }
  get recommendationClass(): string {
    const r = this.review?.recommendation;
    if (r === 'APPROVE') return 'slds-badge slds-theme_success';
    if (r === 'REJECT') return 'slds-badge slds-theme_error';
    return 'slds-badge slds-theme_warning';
  }
  get facts(): { key: string; label: string; value: string }[] {
    const r = this.review;
    if (!r) return [];
    const rows = [
      [LABELS.Fact_Partner, r.partnerName ?? ''],
      [LABELS.Fact_Fund_Request, r.fundRequestTitle ?? ''],
      [LABELS.Fact_Approved, money(r.approvedAmount, r.currencyIsoCode)],
      [LABELS.Fact_Claimed, money(r.amount, r.currencyIsoCode)],
      [LABELS.Fact_Payout, money(r.recommendedPayout, r.currencyIsoCode)],
      [
        LABELS.Fact_Activity,
        r.activityStartDate
          ? formatLabel(LABELS.Activity_Dates, r.activityStartDate, r.activityEndDate ?? LABELS.Date_Open)
          : ''
      ],
      [LABELS.Fact_Registration, r.dealRegistrationName ?? ''],
      [LABELS.Fact_Stage, r.stage]
    ];
    return rows.filter(([, v]) => v).map(([label, value]) => ({ key: label!, label: label!, value: value! }));
  }
  get reconciliation(): { key: string; label: string; value: string }[] {
    return (this.review?.reconciliation ?? []).map((o) => ({ key: o.label, label: o.label, value: o.value }));
  }
  get hasReconciliation(): boolean {
    return this.reconciliation.length > 0;
  }
  get costLines(): { key: string; text: string }[] {
    const r = this.review;
    return (r?.costLines ?? []).map((l, i) => ({
      key: `line-${i}`,
      text: formatLabel(LABELS.Cost_Line, l.description, l.category, money(l.amount, r?.currencyIsoCode))
    }));
  }
  get documents(): DocumentCard[] {
    return (this.review?.documents ?? []).map((d, i) => {
      const rows = d.fields.map((f) => {
        const mismatch =
          !!f.claimValue && !!f.value && Number(f.claimValue) !== Number(f.value) && f.claimValue !== f.value;
        return {
          key: `${d.contentDocumentId}-${f.name}`,
          label: f.label,
          value: f.value ?? '',
          confidenceText:
            f.confidence !== null && f.confidence !== undefined
              ? formatLabel(LABELS.Confidence, Math.round(f.confidence * 100))
              : '',
          sourceText: f.sourceText ?? '',
          claimValue: f.claimValue ?? '',
          mismatch,
          rowClass: mismatch ? 'slds-text-color_error' : ''
        };
      });
      return {
        key: d.contentDocumentId,
        headingId: `doc-${i}`,
        fileName: d.fileName,
        meta: [
          d.role === 'proof' ? LABELS.Role_proof : LABELS.Role_invoice,
          d.checked ? readBy(d.textSource) : LABELS.Not_Checked
        ]
          .filter((x) => x)
          .join(' · '),
        rows,
        hasRows: rows.length > 0
      };
    });
  }
  get hasDocuments(): boolean {
    return this.documents.length > 0;
  }
  get factors(): FactorRow[] {
    return (this.review?.factors ?? []).map((f, i) => ({
      key: `${f.code}-${i}`,
      severity: f.severity,
      badgeClass:
        f.severity === 'CRITICAL'
          ? 'slds-badge slds-theme_error'
          : f.severity === 'WARNING'
            ? 'slds-badge slds-theme_warning'
            : 'slds-badge',
      sentence: f.sentence,
      evidence: f.evidence.map((text, j) => ({ key: `${i}-${j}`, text })),
      hasEvidence: f.evidence.length > 0
    }));
  }
  get hasFactors(): boolean {
    return this.factors.length > 0;
  }
  get canDecide(): boolean {
    return this.review?.pendingApproval === true;
  }
  get decidedText(): string {
    const r = this.review;
    if (!r || r.pendingApproval || !r.humanDecision) return '';
    const decided = formatLabel(r.overridden ? LABELS.Decided_Override : LABELS.Decided, r.humanDecision);
    return r.decisionReason ? formatLabel(LABELS.With_Reason, decided, r.decisionReason) : decided;
  }
  get formOpen(): boolean {
    return this.action !== null;
  }
  get formHeading(): string {
    return this.action ? ACTION_LABELS[this.action] : '';
  }
  get isOverride(): boolean {
    const rec = this.review?.recommendation ?? '';
    const expected = EXPECTED_ACTION[rec];
    if (!this.action || !expected) return false;
    if (rec === 'REJECT') return this.action === 'APPROVE';
    return this.action !== expected;
  }
  get reasonRequired(): boolean {
    return this.action !== 'APPROVE' || this.isOverride;
  }
  get reasonLabel(): string {
    return this.reasonRequired ? LABELS.Reason : LABELS.Comment;
  }

  openForm(event: Event): void {
    this.action = (event.currentTarget as HTMLElement).dataset.action as MdfDecisionAction;
    this.reason = '';
    this.reasonError = '';
  }

  cancel(): void {
    this.action = null;
    this.reasonError = '';
  }

  handleReason(event: Event): void {
    this.reason = (event as CustomEvent<{ value?: string }>).detail?.value ?? '';
    if (this.reason.trim()) this.reasonError = '';
  }

  async confirm(): Promise<void> {
    if (!this.action || !this.recordId) return;
    if (this.reasonRequired && !this.reason.trim()) {
      this.reasonError = this.isOverride ? LABELS.Reason_Override : LABELS.Reason_Partner;
      return;
    }
    this.busy = true;
    this.error = undefined;
    try {
      const label = ACTION_LABELS[this.action];
      this.review = await decide({
        claimId: this.recordId,
        action: this.action,
        reason: this.reason.trim() || null
      });
      this.notice = formatLabel(LABELS.Done, label);
      this.action = null;
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }
}

function readBy(source: string | null | undefined): string {
  if (source === 'OCR') return LABELS.Read_OCR;
  if (source === 'TEXT_LAYER') return LABELS.Read_Text;
  return source ? LABELS.No_Text : '';
}

function money(value: number | null | undefined, currency: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const amount = value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency ? `${amount} ${currency}` : amount;
}

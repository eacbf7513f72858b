import { LightningElement, api } from 'lwc';
import getClaimContext from '@salesforce/apex/MdfClaimController.getClaimContext';
import saveDraft from '@salesforce/apex/MdfClaimController.saveDraft';
import checkClaim from '@salesforce/apex/MdfClaimController.checkClaim';
import submitClaim from '@salesforce/apex/MdfClaimController.submitClaim';
import { reduceErrors } from 'c/ldsUtils';
import { formatLabel } from 'c/dealFormat';
import { LABELS } from './labels';

/** Where an unsaved draft is kept when a save fails, per fund request (survives a reload). */
export const DRAFT_KEY_PREFIX = 'mdfClaimDraft:';
/** Files the check reads. */
export const ACCEPTED_FILES = ['.pdf', '.png', '.jpg', '.jpeg'];

interface LineRow extends MdfCostLine {
  key: string;
  index: number;
  descriptionLabel: string;
  categoryLabel: string;
  amountLabel: string;
}

interface FieldRow {
  key: string;
  label: string;
  value: string;
}

interface DocumentRow {
  key: string;
  fileName: string;
  roleLabel: string;
  statusText: string;
  fields: FieldRow[];
  hasFields: boolean;
}

let lineCounter = 0;
const nextKey = () => `line-${++lineCounter}`;

/**
 * Partner portal: claims Market Development Funds on an approved fund request. The partner types
 * the claim and its cost lines, saves a draft, uploads invoices and proof of execution, checks the
 * documents (the fields read and the problems found appear before submitting), explains what
 * cannot be fixed and submits. A failed save keeps everything typed (also across a reload).
 */
export default class MdfClaim extends LightningElement {
  /** Light DOM: the page's SLDS styles reach it in LWR sites as in Aura sites. */
  static override renderMode = 'light' as const;

  /** The fund request (record page of PartnerFundRequest in the partner site). */
  @api recordId: string | undefined;

  readonly labels = LABELS;

  context: MdfClaimContext | undefined;
  claim: MdfClaimView | null = null;
  draft: MdfClaimDraft = {};
  lines: MdfCostLine[] = [];
  lineKeys: string[] = [];
  explanation = '';
  error: unknown;
  notice = '';
  loading = true;
  busy = false;

  override connectedCallback(): void {
    this.load().catch(() => undefined);
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      if (!this.recordId) throw new Error(LABELS.Needs_Record);
      this.context = await getClaimContext({ fundRequestId: this.recordId });
      this.showClaim(this.context.claim ?? null);
      this.restoreUnsaved();
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  // ----- view state -----

  get hasError(): boolean {
    return this.error !== undefined && reduceErrors(this.error).length > 0;
  }
  get ready(): boolean {
    return !this.loading && this.context !== undefined;
  }
  get notClaimable(): boolean {
    return this.ready && !this.context!.claimable && this.claim === null;
  }
  get editable(): boolean {
    return this.claim === null ? this.context?.claimable === true : this.claim.canEdit;
  }
  get readOnly(): boolean {
    return !this.editable;
  }
  get hasClaim(): boolean {
    return this.claim !== null;
  }
  get canUpload(): boolean {
    return this.claim !== null && this.claim.canEdit;
  }
  get stageText(): string {
    return this.claim ? formatLabel(LABELS.Stage, this.claim.stage) : LABELS.New_Claim;
  }
  get submitted(): boolean {
    return this.claim !== null && !this.claim.canEdit;
  }
  get decisionReason(): string {
    return this.claim?.decisionReason ?? '';
  }
  get hasDecisionReason(): boolean {
    return this.decisionReason !== '';
  }
  get requestSummary(): string {
    const c = this.context;
    if (!c) return '';
    const parts = [
      formatLabel(LABELS.Request_Approved, money(c.approvedAmount, c.currencyIsoCode)),
      c.activityType ? formatLabel(LABELS.Request_For, c.activityType) : '',
      c.activityStartDate
        ? formatLabel(LABELS.Request_Dates, c.activityStartDate, c.activityEndDate ?? LABELS.Date_Open)
        : ''
    ];
    return parts.filter((p) => p).join(' ');
  }
  get policySummary(): string {
    const c = this.context;
    if (!c) return '';
    const parts: string[] = [];
    if (c.coFundingPercent !== null && c.coFundingPercent !== undefined)
      parts.push(formatLabel(LABELS.Policy_Co_Funding, c.coFundingPercent));
    if (c.claimDeadline) parts.push(formatLabel(LABELS.Policy_Deadline, c.claimDeadline));
    if (c.proofRequired) parts.push(LABELS.Policy_Proof);
    if (c.maxClaims) parts.push(formatLabel(LABELS.Policy_Claims, c.claimsMade, c.maxClaims));
    return parts.join(' ');
  }
  get categoryOptions(): { label: string; value: string }[] {
    return (this.context?.costCategories ?? []).map((c) => ({ label: c, value: c }));
  }
  get registrationOptions(): { label: string; value: string }[] {
    return [{ label: LABELS.Registration_None, value: '' }, ...(this.context?.registrations ?? [])];
  }
  get hasRegistrations(): boolean {
    return (this.context?.registrations ?? []).length > 0;
  }
  get lineRows(): LineRow[] {
    return this.lines.map((l, index) => ({
      ...l,
      key: this.lineKeys[index]!,
      index,
      descriptionLabel: formatLabel(LABELS.Cost_Description, index + 1),
      categoryLabel: formatLabel(LABELS.Cost_Category, index + 1),
      amountLabel: formatLabel(LABELS.Cost_Amount, index + 1)
    }));
  }
  get linesTotal(): string {
    const total = this.lines.reduce((sum, l) => sum + (Number(l.amount) || 0), 0);
    return money(total, this.context?.currencyIsoCode);
  }
  get linesTotalText(): string {
    return formatLabel(LABELS.Costs_Total, this.linesTotal);
  }
  get acceptedFormats(): string[] {
    return ACCEPTED_FILES;
  }
  get documentRows(): DocumentRow[] {
    return (this.claim?.documents ?? []).map((d) => {
      const fields = d.fields.map((f) => ({
        key: `${d.contentDocumentId}-${f.name}`,
        label: f.label,
        value:
          f.confidence !== null && f.confidence !== undefined
            ? formatLabel(LABELS.Field_Confidence, f.value ?? '', Math.round(f.confidence * 100))
            : (f.value ?? '')
      }));
      return {
        key: d.contentDocumentId,
        fileName: d.fileName,
        roleLabel: d.role === 'proof' ? LABELS.Role_proof : LABELS.Role_invoice,
        statusText: d.checked ? LABELS.Document_Read : LABELS.Document_Not_Checked,
        fields,
        hasFields: fields.length > 0
      };
    });
  }
  get hasDocuments(): boolean {
    return this.documentRows.length > 0;
  }
  get messages(): { key: string; text: string }[] {
    return (this.claim?.messages ?? []).map((text, i) => ({ key: `msg-${i}`, text }));
  }
  get hasMessages(): boolean {
    return this.messages.length > 0;
  }
  get cannotCheck(): boolean {
    return this.busy || !this.claim || !this.claim.canEdit || this.claim.documents.length === 0;
  }
  get cannotSubmit(): boolean {
    return this.busy || !this.claim || !this.claim.canSubmit;
  }

  // ----- editing -----

  handleField(event: Event): void {
    const target = event.target as HTMLInputElement & { dataset: { field: keyof MdfClaimDraft } };
    const field = target.dataset.field;
    const value = (event as CustomEvent<{ value?: string }>).detail?.value ?? target.value;
    this.draft = { ...this.draft, [field]: field === 'amount' ? toNumber(value) : value || null };
  }

  handleLine(event: Event): void {
    const target = event.target as HTMLInputElement & { dataset: { index: string; prop: keyof MdfCostLine } };
    const index = Number(target.dataset.index);
    const prop = target.dataset.prop;
    const value = (event as CustomEvent<{ value?: string }>).detail?.value ?? target.value;
    const lines = [...this.lines];
    lines[index] = { ...lines[index]!, [prop]: prop === 'amount' ? toNumber(value) : value };
    this.lines = lines;
  }

  addLine(): void {
    this.lines = [
      ...this.lines,
      { description: '', category: this.categoryOptions[0]?.value ?? '', amount: 0 }
    ];
    this.lineKeys = [...this.lineKeys, nextKey()];
  }

  removeLine(event: Event): void {
    const index = Number((event.currentTarget as HTMLElement).dataset.index);
    this.lines = this.lines.filter((_, i) => i !== index);
    this.lineKeys = this.lineKeys.filter((_, i) => i !== index);
  }

  handleExplanation(event: Event): void {
    this.explanation = (event as CustomEvent<{ value?: string }>).detail?.value ?? '';
  }

  // ----- actions -----

  async handleSave(): Promise<void> {
    await this.run(async () => {
      const saved = await saveDraft({ fundRequestId: this.recordId!, draft: this.currentDraft() });
      this.forgetUnsaved();
      this.showClaim(saved);
      this.notice = LABELS.Saved;
    }, true);
  }

  async handleUploadFinished(): Promise<void> {
    await this.run(async () => {
      this.context = await getClaimContext({ fundRequestId: this.recordId! });
      this.showClaim(this.context.claim ?? this.claim);
      this.notice = LABELS.Uploaded;
    }, false);
  }

  async handleCheck(): Promise<void> {
    await this.run(async () => {
      const saved = await saveDraft({ fundRequestId: this.recordId!, draft: this.currentDraft() });
      this.forgetUnsaved();
      this.showClaim(saved);
      this.showClaim(await checkClaim({ claimId: saved.claimId }));
      this.notice = this.hasMessages ? LABELS.Check_Problems : LABELS.Check_Clean;
    }, true);
  }

  async handleSubmit(): Promise<void> {
    await this.run(async () => {
      const saved = await saveDraft({ fundRequestId: this.recordId!, draft: this.currentDraft() });
      this.forgetUnsaved();
      this.showClaim(await submitClaim({ claimId: saved.claimId, explanation: this.explanation || null }));
      this.notice = LABELS.Submitted;
    }, true);
  }

  /** Runs an action; on failure keeps the form and (for saves) stores the draft for a reload. */
  private async run(action: () => Promise<void>, keepDraftOnFailure: boolean): Promise<void> {
    this.busy = true;
    this.error = undefined;
    this.notice = '';
    try {
      await action();
    } catch (e) {
      this.error = e;
      if (keepDraftOnFailure) this.rememberUnsaved();
    } finally {
      this.busy = false;
    }
  }

  private currentDraft(): MdfClaimDraft {
    return {
      ...this.draft,
      claimId: this.claim?.claimId ?? null,
      costLines: this.lines.map((l) => ({
        description: l.description,
        category: l.category,
        amount: Number(l.amount) || 0
      })),
      explanation: this.explanation || null
    };
  }

  private showClaim(claim: MdfClaimView | null): void {
    this.claim = claim;
    if (claim) {
      this.draft = {
        claimId: claim.claimId,
        title: claim.title,
        amount: claim.amount ?? null,
        activityStartDate: claim.activityStartDate ?? null,
        activityEndDate: claim.activityEndDate ?? null,
        dealRegistrationId: claim.dealRegistrationId ?? null
      };
      this.lines = (claim.costLines ?? []).map((l) => ({ ...l }));
      this.lineKeys = this.lines.map(() => nextKey());
      this.explanation = claim.explanation ?? this.explanation;
    } else if (this.lines.length === 0) {
      this.addLine();
    }
  }

  private storageKey(): string {
    return DRAFT_KEY_PREFIX + (this.recordId ?? '');
  }

  private rememberUnsaved(): void {
    try {
      window.sessionStorage.setItem(this.storageKey(), JSON.stringify(this.currentDraft()));
    } catch {
      // Storage may be unavailable (private mode): the form itself still holds the draft.
    }
  }

  private forgetUnsaved(): void {
    try {
      window.sessionStorage.removeItem(this.storageKey());
    } catch {
      // nothing stored
    }
  }

  private restoreUnsaved(): void {
    let stored: string | null = null;
    try {
      stored = window.sessionStorage.getItem(this.storageKey());
    } catch {
      stored = null;
    }
    if (!stored) return;
    try {
      const d = JSON.parse(stored) as MdfClaimDraft;
      if (this.claim && d.claimId !== this.claim.claimId) return;
      this.draft = { ...this.draft, ...d };
      this.lines = (d.costLines ?? []).map((l) => ({ ...l }));
      this.lineKeys = this.lines.map(() => nextKey());
      this.explanation = d.explanation ?? '';
      this.notice = LABELS.Restored;
    } catch {
      this.forgetUnsaved();
    }
  }
}

function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function money(value: number | null | undefined, currency: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const amount = value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency ? `${amount} ${currency}` : amount;
}

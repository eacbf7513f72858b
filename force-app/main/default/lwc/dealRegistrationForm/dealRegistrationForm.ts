import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getPriorCustomers from '@salesforce/apex/DealRegistrationPortalController.getPriorCustomers';
import getRegistration from '@salesforce/apex/DealRegistrationPortalController.getRegistration';
import saveDraft from '@salesforce/apex/DealRegistrationPortalController.saveDraft';
import submitRegistration from '@salesforce/apex/DealRegistrationPortalController.submit';
import precheck from '@salesforce/apex/DealRegistrationPortalController.precheck';
import suggestAccounts from '@salesforce/apex/DealRegistrationPortalController.suggestAccounts';
import parseText from '@salesforce/apex/DealAssistController.parseText';
import { createDebouncer, formatLabel, hasText, STATUS } from 'c/dealPortalUtils';
import { LABELS } from './labels';
import {
  DraftKey,
  FIELDS,
  FieldSpec,
  SECTIONS,
  SectionKey,
  fieldOfPrecheckPath,
  fromParsedFields,
  validateDraft
} from './fields';

/** How long the form waits after the last keystroke before it asks for a pre-check. */
export const PRECHECK_DEBOUNCE_MS = 400;

type CheckState = 'idle' | 'checking' | 'ready' | 'unavailable';

interface FieldView {
  key: DraftKey;
  label: string;
  help: string;
  placeholder: string;
  value: string | number | null | undefined;
  required: boolean;
  isTextarea: boolean;
  isCombobox: boolean;
  isInput: boolean;
  inputType: string;
  step: string | undefined;
  min: string | undefined;
  maxLength: number | undefined;
  options: { label: string; value: string }[];
  error: string | undefined;
  filledNote: string | undefined;
  precheckHint: string | undefined;
  sizeMedium: number;
}

interface SectionView {
  key: SectionKey;
  headingId: string;
  title: string;
  description: string;
  isCustomer: boolean;
  fields: FieldView[];
}

interface MeterItem {
  key: string;
  text: string;
  required: boolean;
}

interface WiredPriorCustomers {
  data?: DealPortalPriorCustomer[];
  error?: unknown;
}

/**
 * The partner's guided deal registration form: sections for customer, opportunity, contact and notes,
 * a live completeness meter from the scoring function's pre-check, pre-fill from earlier customers,
 * account suggestions, paste-to-fill, a duplicate warning before submit, save as draft at any time
 * and an acknowledgment that says what happens next. A failed save never clears what was typed.
 */
export default class DealRegistrationForm extends LightningElement {
  private recordIdValue: string | undefined;
  private connected = false;

  /** An existing draft (or a registration waiting for more information) to continue. */
  @api
  get recordId(): string | undefined {
    return this.recordIdValue;
  }
  set recordId(value: string | undefined) {
    const changed = value !== this.recordIdValue;
    this.recordIdValue = value;
    if (this.connected && changed) {
      this.resetForm();
      if (value) this.loadRegistration(value);
    }
  }

  labels = LABELS;
  draft: DealPortalDraft = { dealCurrency: 'USD' };
  status: string = STATUS.DRAFT;
  registrationName: string | undefined;
  loadError: unknown;
  saveError: unknown;
  saveErrorTitle: string | undefined;
  fieldErrors: Partial<Record<DraftKey, string>> = {};
  showErrorSummary = false;
  busy = false;
  lastSavedAt: string | undefined;
  readOnlyReason: string | undefined;

  checkState: CheckState = 'idle';
  precheckResult: DealPortalPrecheckResult | undefined;
  private precheckPending = false;
  private readonly precheckDebouncer = createDebouncer(() => {
    this.precheckPending = false;
    this.runPrecheck();
  }, PRECHECK_DEBOUNCE_MS);
  private precheckSequence = 0;
  private precheckPromise: Promise<DealPortalPrecheckResult | undefined> | undefined;
  private draftVersion = 0;
  private checkedVersion = -1;

  accountSuggestion: DealPortalAccountSuggestion | undefined;
  private suggestionDismissedFor: string | undefined;
  private suggestionSequence = 0;

  priorCustomers: DealPortalPriorCustomer[] = [];
  selectedPriorCustomer = '';

  pasteText = '';
  pasteBusy = false;
  pasteMessage: string | undefined;
  pasteUnavailable = false;
  filledFromText: Partial<Record<DraftKey, number>> = {};

  duplicateWarning: DealPortalDuplicate[] | undefined;
  acknowledgment: DealPortalSubmitResult | undefined;

  @wire(getPriorCustomers, {})
  wiredPriorCustomers(result: WiredPriorCustomers): void {
    // Pre-fill is a convenience: if it cannot load, the form works without it.
    this.priorCustomers = result.data ?? [];
  }

  override connectedCallback(): void {
    this.connected = true;
    if (this.recordId) {
      this.loadRegistration(this.recordId);
    }
  }

  override disconnectedCallback(): void {
    this.connected = false;
    this.precheckDebouncer.cancel();
    this.suggestionDebouncer.cancel();
  }

  // ---------- loading ----------

  private async loadRegistration(registrationId: string): Promise<void> {
    this.busy = true;
    try {
      const registration = await getRegistration({ registrationId });
      this.applyRegistration(registration);
      this.schedulePrecheck();
    } catch (error) {
      this.loadError = error;
    } finally {
      this.busy = false;
    }
  }

  private applyRegistration(registration: DealPortalRegistration): void {
    const draft: DealPortalDraft = { id: registration.id };
    FIELDS.forEach((field) => {
      const value = registration[field.key];
      if (value !== undefined && value !== null) {
        (draft as Record<string, unknown>)[field.key] = value;
      }
    });
    this.draft = draft;
    this.status = registration.status;
    this.registrationName = registration.name;
    this.readOnlyReason = registration.canEdit
      ? undefined
      : formatLabel(LABELS.Form_Read_Only, registration.status);
    this.draftVersion += 1;
  }

  // ---------- view model ----------

  get isMoreInfo(): boolean {
    return this.status === STATUS.MORE_INFO_REQUESTED;
  }

  get isEditable(): boolean {
    return !this.readOnlyReason && !this.acknowledgment;
  }

  get showForm(): boolean {
    return !this.acknowledgment && !this.readOnlyReason;
  }

  get formTitle(): string {
    return this.registrationName
      ? formatLabel(LABELS.Form_Title_Existing, this.registrationName)
      : LABELS.Form_Title;
  }

  get sections(): SectionView[] {
    const missing = this.precheckMissingByField;
    return SECTIONS.map((section) => ({
      key: section.key,
      headingId: `section-${section.key}`,
      title: section.title,
      description: section.description,
      isCustomer: section.key === 'customer',
      fields: FIELDS.filter(
        (f) => f.section === section.key && (f.key !== 'partnerResponse' || this.isMoreInfo)
      ).map((field) => this.fieldView(field, missing))
    }));
  }

  private fieldView(field: FieldSpec, missing: Map<DraftKey, string>): FieldView {
    const confidence = this.filledFromText[field.key];
    let filledNote: string | undefined;
    if (confidence !== undefined) {
      filledNote = confidence < 0.6 ? LABELS.Paste_Filled_Unsure : LABELS.Paste_Filled_Note;
    }
    const required = field.required || (field.key === 'partnerResponse' && this.isMoreInfo);
    return {
      key: field.key,
      label: field.label,
      help: field.help,
      placeholder: field.placeholder ?? '',
      value: this.draft[field.key] ?? null,
      required,
      isTextarea: field.kind === 'textarea',
      isCombobox: field.kind === 'combobox',
      isInput: field.kind !== 'textarea' && field.kind !== 'combobox',
      inputType: field.kind === 'currency' ? 'number' : field.kind,
      step: field.kind === 'currency' ? '0.01' : field.kind === 'number' ? '1' : undefined,
      min: field.kind === 'currency' || field.kind === 'number' ? '0' : undefined,
      maxLength: field.maxLength,
      options: field.options ?? [],
      error: this.fieldErrors[field.key],
      filledNote,
      precheckHint: missing.get(field.key),
      sizeMedium: field.kind === 'textarea' ? 12 : 6
    };
  }

  private get precheckMissingByField(): Map<DraftKey, string> {
    const map = new Map<DraftKey, string>();
    if (!this.meterAvailable || !this.precheckResult) return map;
    this.precheckResult.missingFields.forEach((m) => {
      const key = fieldOfPrecheckPath(m.field);
      if (key && !map.has(key)) map.set(key, m.hint && m.hint.trim() ? m.hint : LABELS.Meter_Missing_Generic);
    });
    return map;
  }

  // ---------- completeness meter ----------

  /** The last answer stays on screen while a newer check runs, so the meter does not flicker. */
  get meterAvailable(): boolean {
    return this.checkState !== 'unavailable' && !!this.precheckResult && this.precheckResult.available;
  }

  get meterUnavailable(): boolean {
    return this.checkState === 'unavailable';
  }

  get meterChecking(): boolean {
    return this.checkState === 'checking';
  }

  get completeness(): number {
    const value = this.precheckResult?.completeness ?? 0;
    return Math.max(0, Math.min(100, Math.round(value)));
  }

  get completenessText(): string {
    return formatLabel(LABELS.Meter_Value, this.completeness);
  }

  get meterBarStyle(): string {
    return `width: ${this.completeness}%`;
  }

  get meterBarClass(): string {
    const tone = this.completeness >= 80 ? 'success' : this.completeness >= 50 ? 'warning' : 'error';
    return `slds-progress-bar__value slds-theme_${tone}`;
  }

  /** What is missing or weak, each named: from the pre-check when it answered, else the local required checks. */
  get meterItems(): MeterItem[] {
    if (this.meterAvailable && this.precheckResult) {
      const items: MeterItem[] = this.precheckResult.missingFields.map((m, index) => {
        const key = fieldOfPrecheckPath(m.field);
        const label = key ? FIELDS.find((f) => f.key === key)?.label : undefined;
        const hint = m.hint && m.hint.trim() ? m.hint : LABELS.Meter_Missing_Generic;
        return {
          key: `m${index}`,
          text: label ? formatLabel(LABELS.Meter_Item, label, hint) : hint,
          required: m.required
        };
      });
      this.precheckResult.hints.forEach((hint, index) =>
        items.push({ key: `h${index}`, text: hint, required: false })
      );
      return items;
    }
    return this.localMissingRequired.map((field) => ({
      key: field.key,
      text: formatLabel(LABELS.Meter_Required_Missing, field.label),
      required: true
    }));
  }

  get hasMeterItems(): boolean {
    return this.meterItems.length > 0;
  }

  get meterAllGood(): boolean {
    return this.meterAvailable && this.meterItems.length === 0;
  }

  private get localMissingRequired(): FieldSpec[] {
    return FIELDS.filter(
      (f) => (f.required || (f.key === 'partnerResponse' && this.isMoreInfo)) && !hasText(this.draft[f.key])
    );
  }

  // ---------- field changes ----------

  handleFieldChange(event: CustomEvent<{ value?: unknown }>): void {
    const target = event.target as HTMLElement;
    const key = target.dataset.field as DraftKey | undefined;
    if (!key) return;
    const spec = FIELDS.find((f) => f.key === key);
    let value: unknown = event.detail?.value;
    if (spec && (spec.kind === 'number' || spec.kind === 'currency')) {
      value = value === '' || value === null || value === undefined ? null : Number(value);
    } else if (typeof value === 'string' && value === '') {
      value = null;
    }
    this.updateDraft({ [key]: value } as Partial<DealPortalDraft>);
    if (this.filledFromText[key] !== undefined) {
      // The partner touched the field: it is confirmed.
      const rest = { ...this.filledFromText };
      delete rest[key];
      this.filledFromText = rest;
    }
    if (this.fieldErrors[key]) {
      const errors = { ...this.fieldErrors };
      delete errors[key];
      this.fieldErrors = errors;
    }
    if (key === 'customerName') {
      this.scheduleSuggestion();
    }
  }

  private updateDraft(patch: Partial<DealPortalDraft>): void {
    this.draft = { ...this.draft, ...patch };
    this.draftVersion += 1;
    this.duplicateWarning = undefined;
    this.schedulePrecheck();
  }

  // ---------- pre-check (debounced) ----------

  private schedulePrecheck(): void {
    this.precheckPending = true;
    this.precheckDebouncer.schedule();
  }

  private runPrecheck(): Promise<DealPortalPrecheckResult | undefined> {
    const sequence = ++this.precheckSequence;
    const version = this.draftVersion;
    this.checkState = 'checking';
    const promise = precheck({ draft: { ...this.draft } })
      .then((result) => {
        if (sequence !== this.precheckSequence) return result;
        this.checkedVersion = version;
        if (result && result.available) {
          this.precheckResult = {
            ...result,
            missingFields: result.missingFields ?? [],
            hints: result.hints ?? [],
            duplicates: result.duplicates ?? []
          };
          this.checkState = 'ready';
        } else {
          this.precheckResult = undefined;
          this.checkState = 'unavailable';
        }
        return this.precheckResult;
      })
      .catch(() => {
        // The check is a help, not a gate: the form keeps working on local checks.
        if (sequence === this.precheckSequence) {
          this.precheckResult = undefined;
          this.checkState = 'unavailable';
        }
        return undefined;
      });
    this.precheckPromise = promise;
    return promise;
  }

  /** The pre-check for the draft as it is now: the last answer if nothing changed since, else a fresh one. */
  private async currentPrecheck(): Promise<DealPortalPrecheckResult | undefined> {
    if (this.precheckPending) {
      this.precheckDebouncer.cancel();
      this.precheckPending = false;
    }
    if (this.checkedVersion === this.draftVersion && this.checkState !== 'checking') {
      return this.precheckResult;
    }
    if (this.checkState === 'checking' && this.precheckPromise) {
      await this.precheckPromise;
      if (this.checkedVersion === this.draftVersion) return this.precheckResult;
    }
    return this.runPrecheck();
  }

  // ---------- account suggestion ----------

  private suggestedName = '';
  private readonly suggestionDebouncer = createDebouncer(() => {
    this.loadSuggestion(this.suggestedName);
  }, PRECHECK_DEBOUNCE_MS);

  private scheduleSuggestion(): void {
    this.suggestionDebouncer.cancel();
    this.accountSuggestion = undefined;
    const name = (this.draft.customerName ?? '').trim();
    if (name.length < 3) return;
    this.suggestedName = name;
    this.suggestionDebouncer.schedule();
  }

  private async loadSuggestion(name: string): Promise<void> {
    const sequence = ++this.suggestionSequence;
    try {
      const suggestions = await suggestAccounts({ name });
      if (sequence !== this.suggestionSequence) return;
      const typed = name.toLowerCase();
      const best = (suggestions ?? []).find((s) => s.name.trim().toLowerCase() !== typed);
      const exact = (suggestions ?? []).some((s) => s.name.trim().toLowerCase() === typed);
      this.accountSuggestion = best && !exact && this.suggestionDismissedFor !== name ? best : undefined;
    } catch {
      // A suggestion is optional; say nothing when it cannot be fetched.
      this.accountSuggestion = undefined;
    }
  }

  get suggestionText(): string {
    return this.accountSuggestion
      ? formatLabel(LABELS.Suggest_Did_You_Mean, this.accountSuggestion.name)
      : '';
  }

  get suggestionUseLabel(): string {
    return this.accountSuggestion ? formatLabel(LABELS.Suggest_Use, this.accountSuggestion.name) : '';
  }

  handleUseSuggestion(): void {
    if (!this.accountSuggestion) return;
    const patch: Partial<DealPortalDraft> = { customerName: this.accountSuggestion.name };
    if (!hasText(this.draft.customerWebsite) && hasText(this.accountSuggestion.website)) {
      patch.customerWebsite = this.accountSuggestion.website;
    }
    this.updateDraft(patch);
    this.accountSuggestion = undefined;
  }

  handleDismissSuggestion(): void {
    this.suggestionDismissedFor = (this.draft.customerName ?? '').trim();
    this.accountSuggestion = undefined;
  }

  // ---------- pre-fill from earlier customers ----------

  get hasPriorCustomers(): boolean {
    return this.priorCustomers.length > 0 && this.isEditable;
  }

  get priorCustomerOptions(): { label: string; value: string }[] {
    return this.priorCustomers.map((c) => ({ label: c.customerName, value: c.customerName }));
  }

  handlePriorCustomer(event: CustomEvent<{ value: string }>): void {
    const chosen = this.priorCustomers.find((c) => c.customerName === event.detail.value);
    if (!chosen) return;
    this.selectedPriorCustomer = chosen.customerName;
    this.updateDraft({
      customerName: chosen.customerName,
      customerWebsite: chosen.customerWebsite ?? this.draft.customerWebsite ?? null,
      customerCountry: chosen.customerCountry ?? this.draft.customerCountry ?? null,
      customerRegion: chosen.customerRegion ?? this.draft.customerRegion ?? null,
      customerIndustry: chosen.customerIndustry ?? this.draft.customerIndustry ?? null,
      customerEmployees: chosen.customerEmployees ?? this.draft.customerEmployees ?? null
    });
    this.accountSuggestion = undefined;
  }

  // ---------- paste to fill ----------

  handlePasteChange(event: CustomEvent<{ value?: string }>): void {
    this.pasteText = event.detail?.value ?? '';
  }

  get pasteDisabled(): boolean {
    return this.pasteBusy || !this.pasteText.trim();
  }

  async handleFillFromText(): Promise<void> {
    const text = this.pasteText.trim();
    if (!text) return;
    this.pasteBusy = true;
    this.pasteMessage = undefined;
    this.pasteUnavailable = false;
    try {
      const result = await parseText({ text });
      if (!result || !result.available || !result.fields) {
        this.pasteUnavailable = true;
        this.pasteMessage = LABELS.Paste_Unavailable;
        return;
      }
      const parsed = fromParsedFields(result.fields, result.confidence ?? {});
      const patch: Partial<DealPortalDraft> = {};
      const filled: Partial<Record<DraftKey, number>> = { ...this.filledFromText };
      let kept = 0;
      parsed.forEach(({ key, value, confidence }) => {
        if (hasText(this.draft[key]) && String(this.draft[key]) !== String(value)) {
          kept += 1; // never overwrite what the partner typed
          return;
        }
        (patch as Record<string, unknown>)[key] = value;
        filled[key] = confidence;
      });
      const count = Object.keys(patch).length;
      if (count === 0) {
        this.pasteMessage =
          kept > 0 ? formatLabel(LABELS.Paste_Nothing_New, kept) : LABELS.Paste_Nothing_Found;
        return;
      }
      this.filledFromText = filled;
      this.updateDraft(patch);
      if (patch.customerName) this.scheduleSuggestion();
      this.pasteMessage =
        kept > 0
          ? formatLabel(LABELS.Paste_Filled_Kept, count, kept)
          : formatLabel(LABELS.Paste_Filled_Count, count);
    } catch {
      this.pasteUnavailable = true;
      this.pasteMessage = LABELS.Paste_Unavailable;
    } finally {
      this.pasteBusy = false;
    }
  }

  get pasteMessageClass(): string {
    return this.pasteUnavailable ? 'slds-text-color_error slds-m-top_x-small' : 'slds-m-top_x-small';
  }

  // ---------- validation ----------

  private validate(mode: 'draft' | 'submit'): boolean {
    const errors = validateDraft(this.draft, mode, this.isMoreInfo);
    this.fieldErrors = errors;
    const keys = Object.keys(errors) as DraftKey[];
    this.showErrorSummary = keys.length > 0;
    if (keys.length > 0) {
      // Let the template render the messages, then move focus to the first field to fix.
      Promise.resolve().then(() => this.focusField(keys[0]));
    }
    return keys.length === 0;
  }

  private focusField(key: DraftKey): void {
    const element = this.template?.querySelector<HTMLElement>(`[data-field="${key}"]`);
    if (element && typeof element.focus === 'function') element.focus();
  }

  get errorSummaryItems(): { key: string; text: string }[] {
    return (Object.keys(this.fieldErrors) as DraftKey[]).map((key) => ({
      key,
      text: `${FIELDS.find((f) => f.key === key)?.label ?? key}: ${this.fieldErrors[key]}`
    }));
  }

  get hasErrorSummary(): boolean {
    return this.showErrorSummary && this.errorSummaryItems.length > 0;
  }

  // ---------- save draft ----------

  async handleSaveDraft(): Promise<void> {
    if (this.busy) return;
    this.saveError = undefined;
    if (!this.validate('draft')) return;
    this.busy = true;
    try {
      const id = await saveDraft({ draft: { ...this.draft } });
      this.draft = { ...this.draft, id };
      this.lastSavedAt = new Date().toLocaleTimeString();
      this.dispatchEvent(new ShowToastEvent({ title: LABELS.Draft_Saved, variant: 'success' }));
      this.dispatchEvent(new CustomEvent('saved', { detail: { id } }));
    } catch (error) {
      // Everything the partner typed stays in this.draft: only the error is shown.
      this.saveError = error;
      this.saveErrorTitle = LABELS.Draft_Save_Failed;
    } finally {
      this.busy = false;
    }
  }

  get savedText(): string {
    return this.lastSavedAt ? formatLabel(LABELS.Draft_Saved_At, this.lastSavedAt) : '';
  }

  // ---------- submit ----------

  async handleSubmit(): Promise<void> {
    if (this.busy) return;
    this.saveError = undefined;
    if (!this.validate('submit')) return;
    this.busy = true;
    try {
      if (!this.duplicateWarning) {
        const check = await this.currentPrecheck();
        const duplicates = check && check.available ? (check.duplicates ?? []) : [];
        if (duplicates.length > 0) {
          this.duplicateWarning = duplicates;
          return;
        }
      }
      await this.doSubmit();
    } finally {
      this.busy = false;
    }
  }

  async handleSubmitAnyway(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.doSubmit();
    } finally {
      this.busy = false;
    }
  }

  handleReviewDuplicates(): void {
    this.duplicateWarning = undefined;
    this.focusField('customerName');
  }

  private async doSubmit(): Promise<void> {
    try {
      const result = await submitRegistration({ draft: { ...this.draft } });
      this.acknowledgment = result;
      this.duplicateWarning = undefined;
      this.draft = { ...this.draft, id: result.id };
      this.status = result.status;
      this.dispatchEvent(new ShowToastEvent({ title: LABELS.Submit_Success_Toast, variant: 'success' }));
      this.dispatchEvent(new CustomEvent('submitted', { detail: { id: result.id, status: result.status } }));
    } catch (error) {
      this.duplicateWarning = undefined;
      this.saveError = error;
      this.saveErrorTitle = LABELS.Submit_Failed;
    }
  }

  get hasDuplicateWarning(): boolean {
    return !!this.duplicateWarning && this.duplicateWarning.length > 0;
  }

  get duplicateItems(): { key: string; text: string }[] {
    return (this.duplicateWarning ?? []).map((d, index) => ({
      key: `d${index}`,
      text:
        d.ownCompany && d.registrationName
          ? formatLabel(LABELS.Duplicate_Own, d.registrationName, d.message)
          : d.message
    }));
  }

  get submitLabel(): string {
    return this.isMoreInfo ? LABELS.Submit_Response : LABELS.Submit;
  }

  // ---------- acknowledgment ----------

  get ackTitle(): string {
    return this.acknowledgment ? formatLabel(LABELS.Ack_Title, this.acknowledgment.name) : '';
  }

  get ackSteps(): { key: string; text: string }[] {
    const ack = this.acknowledgment;
    if (!ack) return [];
    return [
      { key: 'check', text: LABELS.Ack_Step_Check },
      { key: 'review', text: formatLabel(LABELS.Ack_Step_Review, ack.reviewSlaHours) },
      { key: 'decision', text: formatLabel(LABELS.Ack_Step_Decision, ack.protectionDays) }
    ];
  }

  handleRegisterAnother(): void {
    this.resetForm();
  }

  private resetForm(): void {
    this.precheckDebouncer.cancel();
    this.precheckPending = false;
    this.precheckSequence += 1; // an answer still in flight belongs to the old draft
    this.acknowledgment = undefined;
    this.readOnlyReason = undefined;
    this.loadError = undefined;
    this.saveError = undefined;
    this.duplicateWarning = undefined;
    this.accountSuggestion = undefined;
    this.draft = { dealCurrency: 'USD' };
    this.status = STATUS.DRAFT;
    this.registrationName = undefined;
    this.filledFromText = {};
    this.fieldErrors = {};
    this.showErrorSummary = false;
    this.precheckResult = undefined;
    this.checkState = 'idle';
    this.pasteText = '';
    this.pasteMessage = undefined;
    this.selectedPriorCustomer = '';
    this.lastSavedAt = undefined;
    this.draftVersion += 1;
  }
}

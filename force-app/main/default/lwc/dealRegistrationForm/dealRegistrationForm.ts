import { LightningElement, api, wire } from 'lwc';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import DEAL_REGISTRATION_OBJECT from '@salesforce/schema/Deal_Registration__c';
import getPriorCustomers from '@salesforce/apex/DealRegistrationPortalController.getPriorCustomers';
import getRegistration from '@salesforce/apex/DealRegistrationPortalController.getRegistration';
import saveDraft from '@salesforce/apex/DealRegistrationPortalController.saveDraft';
import submitRegistration from '@salesforce/apex/DealRegistrationPortalController.submit';
import precheck from '@salesforce/apex/DealRegistrationPortalController.precheck';
import suggestAccounts from '@salesforce/apex/DealRegistrationPortalController.suggestAccounts';
import parseText from '@salesforce/apex/DealAssistController.parseText';
import { REQUIRED_FIELDS } from 'c/dealVocabulary';
import type { SectionField } from 'c/dealFormSection';
import { createDebouncer, nextInstanceId, STATUS } from 'c/dealPortalUtils';
import { formatLabel, hasText, observeWidth } from 'c/dealFormat';
import {
  FIELDS,
  LABELS,
  SECTIONS,
  fieldOfPath,
  fromParsedFields,
  keysOfParseNames,
  labelOfField,
  maxLengthsOf,
  parseNamesOfKeys,
  requiredKeys,
  validateDraft,
  type DraftKey,
  type FieldSpec,
  type ObjectInfoLike
} from 'c/dealFields';

/** How long the form waits after the last keystroke before it asks for a pre-check. */
export const PRECHECK_DEBOUNCE_MS = 400;

/** Below this width (px) of the form's own box, fields stack in one column. */
export const TWO_COLUMN_MIN_WIDTH = 560;

/** Values a new draft starts with; they are defaults, not something the partner typed. */
const DEFAULTS: Partial<DealPortalDraft> = { dealCurrency: 'USD' };

type CheckState = 'idle' | 'checking' | 'ready' | 'unavailable';

/** A field as the form hands it to its section: the section's view with the form's field key. */
interface FieldView extends SectionField {
  key: DraftKey;
}

interface SectionView {
  key: string;
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

interface WiredData<T> {
  data?: T;
  error?: unknown;
}

/**
 * The partner's guided deal registration form. This parent keeps the state (the draft, what the
 * partner typed, errors, the pre-check answer) and makes every Apex call; its children draw one part
 * each and report changes by events: c-deal-form-section (the fields of one section),
 * c-deal-form-meter (completeness), c-deal-paste-fill (paste-to-fill) and c-deal-duplicate-warning.
 *
 * Light DOM, so the site's SLDS stylesheet styles it in LWR sites (native shadow) as in Aura sites,
 * and it needs neither toasts nor platform events: confirmations are shown inline.
 */
export default class DealRegistrationForm extends LightningElement {
  static override renderMode = 'light' as const;

  private recordIdValue: string | undefined;
  private connected = false;
  private readonly uid = nextInstanceId('drf');
  private stopObservingWidth: (() => void) | undefined;

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
  draft: DealPortalDraft = { ...DEFAULTS };
  /** Fields whose value came from the partner (typed, chosen, loaded from a saved registration). */
  private partnerKeys = new Set<DraftKey>();
  status: string = STATUS.DRAFT;
  registrationName: string | undefined;
  managerQuestion: string | undefined;
  loadError: unknown;
  saveError: unknown;
  saveErrorTitle: string | undefined;
  fieldErrors: Partial<Record<DraftKey, string>> = {};
  showErrorSummary = false;
  busy = false;
  lastSavedAt: string | undefined;
  readOnlyReason: string | undefined;
  twoColumns = false;

  maxLengths: Partial<Record<DraftKey, number>> = {};

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

  pasteBusy = false;
  pasteMessage: string | undefined;
  pasteUnavailable = false;
  filledFromText: Partial<Record<DraftKey, number>> = {};

  duplicateWarning: DealPortalDuplicate[] | undefined;
  acknowledgment: DealPortalSubmitResult | undefined;
  draftSavedNotice: string | undefined;

  @wire(getPriorCustomers, {})
  wiredPriorCustomers(result: WiredData<DealPortalPriorCustomer[]>): void {
    // Pre-fill is a convenience: if it cannot load, the form works without it.
    this.priorCustomers = result.data ?? [];
  }

  /** Field lengths come from the object's describe, never from numbers written here. */
  @wire(getObjectInfo, { objectApiName: DEAL_REGISTRATION_OBJECT })
  wiredObjectInfo(result: WiredData<ObjectInfoLike>): void {
    if (result.data) this.maxLengths = maxLengthsOf(result.data);
  }

  override connectedCallback(): void {
    this.connected = true;
    if (this.recordId) {
      this.loadRegistration(this.recordId);
    }
  }

  override renderedCallback(): void {
    if (!this.stopObservingWidth) {
      const root = this.querySelector('[data-id="form-root"]');
      if (root) {
        this.stopObservingWidth = observeWidth(root, (width) => {
          const two = width >= TWO_COLUMN_MIN_WIDTH;
          if (two !== this.twoColumns) this.twoColumns = two;
        });
      }
    }
  }

  override disconnectedCallback(): void {
    this.connected = false;
    this.precheckDebouncer.cancel();
    this.suggestionDebouncer.cancel();
    this.stopObservingWidth?.();
    this.stopObservingWidth = undefined;
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
    const keys = new Set<DraftKey>();
    FIELDS.forEach((field) => {
      const value = registration[field.key];
      if (value !== undefined && value !== null) {
        (draft as Record<string, unknown>)[field.key] = value;
        keys.add(field.key);
      }
    });
    this.draft = draft;
    this.partnerKeys = keys;
    // Fields email intake filled are marked like pasted ones until the partner confirms them.
    const toConfirm: Partial<Record<DraftKey, number>> = {};
    keysOfParseNames(registration.fieldsToConfirm).forEach((key) => {
      toConfirm[key] = 1;
    });
    this.filledFromText = toConfirm;
    this.status = registration.status;
    this.registrationName = registration.name;
    this.managerQuestion =
      registration.status === STATUS.MORE_INFO_REQUESTED && hasText(registration.partnerMessage)
        ? (registration.partnerMessage ?? undefined)
        : undefined;
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

  /** What is required to submit: REQUIRED_FIELDS of the shared vocabulary, whatever the pre-check says. */
  private get required(): Set<DraftKey> {
    return requiredKeys(REQUIRED_FIELDS, this.isMoreInfo);
  }

  get sections(): SectionView[] {
    const required = this.required;
    return SECTIONS.map((section) => ({
      key: section.key,
      headingId: `${this.uid}-section-${section.key}`,
      title: section.title,
      description: section.description,
      isCustomer: section.key === 'customer',
      fields: FIELDS.filter(
        (f) => f.section === section.key && (f.key !== 'partnerResponse' || this.isMoreInfo)
      ).map((field) => this.fieldView(field, required))
    }));
  }

  private fieldView(field: FieldSpec, required: Set<DraftKey>): FieldView {
    const confidence = this.filledFromText[field.key];
    let filledNote: string | undefined;
    if (confidence !== undefined) {
      filledNote = confidence < 0.6 ? LABELS.Paste_Filled_Unsure : LABELS.Paste_Filled_Note;
    }
    const wide = field.kind === 'textarea';
    return {
      key: field.key,
      label: field.label,
      help: field.help,
      placeholder: field.placeholder ?? '',
      value: this.draft[field.key] ?? null,
      required: required.has(field.key),
      isTextarea: field.kind === 'textarea',
      isCombobox: field.kind === 'combobox',
      isInput: field.kind !== 'textarea' && field.kind !== 'combobox',
      inputType: field.kind === 'currency' ? 'number' : field.kind,
      step: field.kind === 'currency' ? '0.01' : field.kind === 'number' ? '1' : undefined,
      min: field.kind === 'currency' || field.kind === 'number' ? '0' : undefined,
      maxLength: this.maxLengths[field.key],
      options: field.options ?? [],
      error: this.fieldErrors[field.key],
      filledNote,
      question: field.key === 'partnerResponse' ? this.managerQuestion : undefined,
      wrapperClass: wide ? 'field field_wide' : 'field'
    };
  }

  get formRootClass(): string {
    return this.twoColumns ? 'form-root form-root_two-columns' : 'form-root';
  }

  // ---------- completeness meter ----------

  /** The last answer stays on screen while a newer check runs, so the meter does not flicker. */
  get meterAvailable(): boolean {
    return this.checkState !== 'unavailable' && !!this.precheckResult && this.precheckResult.available;
  }

  get completeness(): number {
    const value = this.precheckResult?.completeness ?? 0;
    return Math.max(0, Math.min(100, Math.round(value)));
  }

  get meterState(): string {
    if (this.checkState === 'unavailable') return 'unavailable';
    if (this.meterAvailable) return this.checkState === 'checking' ? 'ready-checking' : 'ready';
    return this.checkState;
  }

  /**
   * What is missing, each field named once by its label (the field itself carries its own help).
   * Required-ness is the form's one definition, not the pre-check's flag, so it cannot flip when
   * the scoring function is unreachable.
   */
  get meterItems(): MeterItem[] {
    const required = this.required;
    if (this.meterAvailable && this.precheckResult) {
      const seen = new Set<string>();
      const items: MeterItem[] = [];
      this.precheckResult.missingFields.forEach((m, index) => {
        const key = fieldOfPath(m.field);
        if (key && seen.has(key)) return;
        if (key) seen.add(key);
        const isRequired = key ? required.has(key) : false;
        let text: string;
        if (!key) {
          text = hasText(m.hint) ? String(m.hint) : LABELS.Meter_Missing_Generic;
        } else if (isRequired) {
          text = formatLabel(LABELS.Meter_Required_Missing, labelOfField(key));
        } else {
          text = formatLabel(
            LABELS.Meter_Item,
            labelOfField(key),
            hasText(m.hint) ? String(m.hint) : LABELS.Meter_Missing_Generic
          );
        }
        items.push({ key: `m${index}`, text, required: isRequired });
      });
      this.precheckResult.hints.forEach((hint, index) =>
        items.push({ key: `h${index}`, text: hint, required: false })
      );
      return items;
    }
    return FIELDS.filter((f) => required.has(f.key) && !hasText(this.draft[f.key])).map((field) => ({
      key: field.key,
      text: formatLabel(LABELS.Meter_Required_Missing, field.label),
      required: true
    }));
  }

  // ---------- field changes ----------

  handleFieldChange(event: CustomEvent<{ key: DraftKey; value: unknown }>): void {
    const key = event.detail?.key;
    if (!key) return;
    const spec = FIELDS.find((f) => f.key === key);
    let value: unknown = event.detail.value;
    if (spec && (spec.kind === 'number' || spec.kind === 'currency')) {
      value = value === '' || value === null || value === undefined ? null : Number(value);
    } else if (typeof value === 'string' && value === '') {
      value = null;
    }
    this.partnerKeys.add(key);
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
    this.draftSavedNotice = undefined;
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
        // The check is a help, not a gate: the form keeps working on its own checks.
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
    this.partnerKeys.add('customerName');
    if (!hasText(this.draft.customerWebsite) && hasText(this.accountSuggestion.website)) {
      patch.customerWebsite = this.accountSuggestion.website;
      this.partnerKeys.add('customerWebsite');
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
    const patch: Partial<DealPortalDraft> = {
      customerName: chosen.customerName,
      customerWebsite: chosen.customerWebsite ?? this.draft.customerWebsite ?? null,
      customerCountry: chosen.customerCountry ?? this.draft.customerCountry ?? null,
      customerRegion: chosen.customerRegion ?? this.draft.customerRegion ?? null,
      customerIndustry: chosen.customerIndustry ?? this.draft.customerIndustry ?? null,
      customerEmployees: chosen.customerEmployees ?? this.draft.customerEmployees ?? null
    };
    (Object.keys(patch) as DraftKey[]).forEach((key) => {
      if (hasText(patch[key])) this.partnerKeys.add(key);
    });
    this.updateDraft(patch);
    this.accountSuggestion = undefined;
  }

  // ---------- paste to fill ----------

  /** A field the paste may fill: empty, or still holding a default nobody chose. */
  private pasteMayFill(key: DraftKey, value: string | number): boolean {
    const current = this.draft[key];
    if (!hasText(current) || String(current) === String(value)) return true;
    return !this.partnerKeys.has(key) && DEFAULTS[key] !== undefined && current === DEFAULTS[key];
  }

  async handleFill(event: CustomEvent<{ text: string }>): Promise<void> {
    const text = (event.detail?.text ?? '').trim();
    if (!text || this.pasteBusy) return;
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
        if (!this.pasteMayFill(key, value)) {
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

  // ---------- validation ----------

  private validate(mode: 'draft' | 'submit'): boolean {
    const errors = validateDraft(this.draft, mode, {
      required: this.required,
      maxLengths: this.maxLengths
    });
    this.fieldErrors = errors;
    const keys = Object.keys(errors) as DraftKey[];
    this.showErrorSummary = keys.length > 0;
    if (keys.length > 0) {
      // Let the sections render the messages, then move focus to the first field to fix.
      Promise.resolve().then(() => this.focusField(keys[0]));
    }
    return keys.length === 0;
  }

  private focusField(key: DraftKey): void {
    const element = this.querySelector<HTMLElement>(`[data-field="${key}"]`);
    if (element && typeof element.focus === 'function') element.focus();
  }

  get errorSummaryItems(): { key: string; text: string }[] {
    return (Object.keys(this.fieldErrors) as DraftKey[]).map((key) => ({
      key,
      text: `${labelOfField(key)}: ${this.fieldErrors[key]}`
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
      const id = await saveDraft({ draft: this.draftToSend() });
      this.draft = { ...this.draft, id };
      this.lastSavedAt = new Date().toLocaleTimeString();
      this.draftSavedNotice = formatLabel(LABELS.Draft_Saved_At, this.lastSavedAt);
      this.dispatchEvent(new CustomEvent('saved', { detail: { id } }));
    } catch (error) {
      // Everything the partner typed stays in this.draft: only the error is shown.
      this.saveError = error;
      this.saveErrorTitle = LABELS.Draft_Save_Failed;
    } finally {
      this.busy = false;
    }
  }

  /** The draft as Apex receives it, with the filled fields the partner has not confirmed yet. */
  private draftToSend(): DealPortalDraft {
    const unconfirmed = Object.keys(this.filledFromText) as DraftKey[];
    return { ...this.draft, fieldsToConfirm: parseNamesOfKeys(unconfirmed) };
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
      const result = await submitRegistration({ draft: this.draftToSend() });
      this.acknowledgment = result;
      this.duplicateWarning = undefined;
      this.draft = { ...this.draft, id: result.id };
      this.status = result.status;
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

  /** While the duplicate warning asks its question, its own buttons are the only way on. */
  get showActions(): boolean {
    return !this.hasDuplicateWarning;
  }

  /**
   * Likely duplicates: the ones the submit stopped for (asking), else the ones the latest pre-check
   * found while the partner typed (a notice, so they learn before they finish the form).
   */
  private get duplicateList(): DealPortalDuplicate[] {
    if (this.hasDuplicateWarning) return this.duplicateWarning ?? [];
    return this.meterAvailable ? (this.precheckResult?.duplicates ?? []) : [];
  }

  get showDuplicates(): boolean {
    return this.duplicateList.length > 0;
  }

  get duplicateItems(): { key: string; text: string }[] {
    return this.duplicateList.map((d, index) => ({
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
    this.draft = { ...DEFAULTS };
    this.partnerKeys = new Set<DraftKey>();
    this.status = STATUS.DRAFT;
    this.registrationName = undefined;
    this.managerQuestion = undefined;
    this.filledFromText = {};
    this.fieldErrors = {};
    this.showErrorSummary = false;
    this.precheckResult = undefined;
    this.checkState = 'idle';
    this.pasteMessage = undefined;
    this.pasteUnavailable = false;
    this.selectedPriorCustomer = '';
    this.lastSavedAt = undefined;
    this.draftSavedNotice = undefined;
    this.draftVersion += 1;
  }
}

import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getMyRegistrations from '@salesforce/apex/DealRegistrationPortalController.getMyRegistrations';
import withdrawRegistration from '@salesforce/apex/DealRegistrationPortalController.withdraw';
import requestExtension from '@salesforce/apex/DealRegistrationPortalController.requestExtension';
import askStatus from '@salesforce/apex/DealAssistController.askStatus';
import { ALL_STATUSES, STATUS, createPoller, nextInstanceId } from 'c/dealPortalUtils';
import { formatDate, formatLabel, hasText, observeWidth, statusBadgeClass } from 'c/dealFormat';
import { LABELS } from './labels';

/** How often the list re-reads itself while one of its registrations is being checked. */
export const POLL_INTERVAL_MS = 30000;

/** Below this width (px) of the component's own box, registrations show as a list, not a table. */
export const TABLE_MIN_WIDTH = 640;

/** Statuses that change without the partner doing anything: the list polls while one is shown. */
const IN_FLIGHT: string[] = [STATUS.SUBMITTED, STATUS.SCORING, STATUS.IN_REVIEW, STATUS.CONFLICT_REVIEW];

interface WiredRegistrations {
  data?: DealPortalRegistration[];
  error?: unknown;
}

interface RowView {
  id: string;
  name: string;
  customerName: string;
  status: string;
  statusClass: string;
  submittedText: string;
  protectionText: string;
  partnerMessage: string;
  rowClass: string;
  viewLabel: string;
  ariaCurrent: string;
}

type PendingAction = 'withdraw' | 'extension' | undefined;

const NEXT_STEP: Record<string, string> = {
  [STATUS.DRAFT]: LABELS.Next_Draft,
  [STATUS.SUBMITTED]: LABELS.Next_Submitted,
  [STATUS.SCORING]: LABELS.Next_Submitted,
  [STATUS.IN_REVIEW]: LABELS.Next_In_Review,
  [STATUS.CONFLICT_REVIEW]: LABELS.Next_In_Review,
  [STATUS.MORE_INFO_REQUESTED]: LABELS.Next_More_Info,
  [STATUS.APPROVED]: LABELS.Next_Approved,
  [STATUS.REJECTED]: LABELS.Next_Rejected,
  [STATUS.EXPIRED]: LABELS.Next_Expired,
  [STATUS.WITHDRAWN]: LABELS.Next_Withdrawn
};

/**
 * The partner's company's registrations: status, submitted date, protection end date and the
 * partner-safe reason; a status filter; a detail panel with the next step (answer a request for more
 * information, request an extension, withdraw).
 *
 * Built for LWR sites as well as Aura sites: light DOM (so the site's SLDS stylesheet applies under
 * native shadow), no platform events (lightning/empApi is not available in LWR sites) and no toasts
 * (ShowToastEvent is not either). It stays current by re-reading itself every POLL_INTERVAL_MS while
 * a registration is being checked and the page is visible, when the window regains focus, and from
 * the Refresh button; confirmations are shown inline.
 */
export default class MyDealRegistrations extends LightningElement {
  static override renderMode = 'light' as const;

  labels = LABELS;
  readonly detailHeadingId = nextInstanceId('mdr-detail');
  compact = false;
  private stopObservingWidth: (() => void) | undefined;
  statusFilter = '';

  /** Builder setting: the status filter the list opens with (empty = all). */
  @api
  get initialStatus(): string {
    return this.statusFilter;
  }
  set initialStatus(value: string) {
    this.statusFilter = value && ALL_STATUSES.includes(value) ? value : '';
  }
  registrations: DealPortalRegistration[] = [];
  loadError: unknown;
  loaded = false;
  selectedId: string | undefined;
  showNewForm = false;

  private wiredResult: WiredRegistrations | undefined;
  private readonly poller = createPoller(() => {
    this.refresh();
  }, POLL_INTERVAL_MS);
  private polling = false;
  private readonly focusHandler = (): void => {
    this.refresh();
  };
  private focusListening = false;

  pendingAction: PendingAction;
  actionReason = '';
  actionError: unknown;
  actionReasonError: string | undefined;
  actionBusy = false;
  /** Inline confirmation (toasts are not available in LWR sites). */
  actionNotice: string | undefined;
  private actionNoticeKind: PendingAction;

  question = '';
  answer: DealAssistStatusAnswer | undefined;
  answerUnavailable = false;
  askBusy = false;

  @wire(getMyRegistrations, { status: '$statusFilterParam' })
  wiredRegistrations(result: WiredRegistrations): void {
    this.wiredResult = result;
    if (result.data) {
      this.registrations = result.data;
      this.loadError = undefined;
      this.loaded = true;
      this.updatePolling();
    } else if (result.error) {
      this.registrations = [];
      this.loadError = result.error;
      this.loaded = true;
    }
  }

  get statusFilterParam(): string | null {
    return this.statusFilter ? this.statusFilter : null;
  }

  override connectedCallback(): void {
    if (!this.focusListening && typeof window !== 'undefined') {
      window.addEventListener('focus', this.focusHandler);
      this.focusListening = true;
    }
    this.updatePolling();
  }

  override renderedCallback(): void {
    if (!this.stopObservingWidth) {
      const root = this.querySelector('[data-id="list-root"]');
      if (root) {
        this.stopObservingWidth = observeWidth(root, (width) => {
          const compact = width > 0 && width < TABLE_MIN_WIDTH;
          if (compact !== this.compact) this.compact = compact;
        });
      }
    }
  }

  override disconnectedCallback(): void {
    this.poller.stop();
    this.polling = false;
    if (this.focusListening) {
      window.removeEventListener('focus', this.focusHandler);
      this.focusListening = false;
    }
    this.stopObservingWidth?.();
    this.stopObservingWidth = undefined;
  }

  // ---------- staying current ----------

  /** Polls while a registration is being checked; stops when none is. */
  private updatePolling(): void {
    const shouldPoll = this.registrations.some((r) => IN_FLIGHT.includes(r.status));
    if (shouldPoll && !this.polling) this.poller.start();
    if (!shouldPoll && this.polling) this.poller.stop();
    this.polling = shouldPoll;
  }

  get autoRefreshing(): boolean {
    return this.polling;
  }

  refresh(): Promise<void> {
    return this.wiredResult ? refreshApex(this.wiredResult) : Promise.resolve();
  }

  handleRefresh(): void {
    this.refresh();
  }

  // ---------- list ----------

  get statusOptions(): { label: string; value: string }[] {
    return [{ label: LABELS.Filter_All, value: '' }, ...ALL_STATUSES.map((s) => ({ label: s, value: s }))];
  }

  handleStatusFilter(event: CustomEvent<{ value: string }>): void {
    this.statusFilter = event.detail.value ?? '';
    this.selectedId = undefined;
  }

  get hasRows(): boolean {
    return this.registrations.length > 0;
  }

  get showEmpty(): boolean {
    return this.loaded && !this.loadError && this.registrations.length === 0;
  }

  get emptyText(): string {
    return this.statusFilter ? formatLabel(LABELS.Empty_Filtered, this.statusFilter) : LABELS.Empty;
  }

  get rows(): RowView[] {
    return this.registrations.map((r) => ({
      id: r.id,
      name: r.name,
      customerName: r.customerName ?? '',
      status: r.status,
      statusClass: statusBadgeClass(r.status),
      submittedText: formatDate(r.submittedAt),
      protectionText: formatDate(r.protectionExpiresOn),
      partnerMessage: r.partnerMessage ?? '',
      rowClass: r.id === this.selectedId ? 'slds-hint-parent slds-is-selected' : 'slds-hint-parent',
      viewLabel: formatLabel(LABELS.View_Details, r.name),
      ariaCurrent: r.id === this.selectedId ? 'true' : 'false'
    }));
  }

  handleSelect(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    this.acknowledgedId = undefined;
    this.selectedId = id === this.selectedId ? undefined : id;
    this.resetAction();
    this.actionNotice = undefined;
    this.answer = undefined;
    this.answerUnavailable = false;
    this.question = '';
  }

  handleNewRegistration(): void {
    this.showNewForm = !this.showNewForm;
  }

  get newButtonLabel(): string {
    return this.showNewForm ? LABELS.Close_New : LABELS.New_Registration;
  }

  // ---------- detail ----------

  get selectedRegistration(): DealPortalRegistration | undefined {
    return this.registrations.find((r) => r.id === this.selectedId);
  }

  get detailTitle(): string {
    const s = this.selectedRegistration;
    return s ? formatLabel(LABELS.Detail_Title, s.name, s.customerName ?? '') : '';
  }

  get nextStep(): string {
    const s = this.selectedRegistration;
    if (!s) return '';
    return NEXT_STEP[s.status] ?? LABELS.Next_Unknown;
  }

  get showEmbeddedForm(): boolean {
    const s = this.selectedRegistration;
    // After a submit the form stays to show its acknowledgment, even though the row is no longer editable.
    return !!s && (s.canEdit || s.canRespond || s.id === this.acknowledgedId);
  }

  /**
   * The manager's message, shown once: when the embedded form is open to answer a request for
   * information, the form shows the question right above the answer box instead.
   */
  get hasPartnerMessage(): boolean {
    const s = this.selectedRegistration;
    if (!s || !hasText(s.partnerMessage)) return false;
    return !(this.showEmbeddedForm && s.status === STATUS.MORE_INFO_REQUESTED);
  }

  get selectedStatusClass(): string {
    return statusBadgeClass(this.selectedRegistration?.status);
  }

  get selectedSubmittedText(): string {
    return formatDate(this.selectedRegistration?.submittedAt);
  }

  /** "Protected until" is shown only when there is a date. */
  get selectedProtectionText(): string {
    return formatDate(this.selectedRegistration?.protectionExpiresOn);
  }

  get actionNoticeText(): string {
    // Once the refreshed row says the extension is pending, that line is the confirmation.
    if (this.actionNoticeKind === 'extension' && this.extensionPending) return '';
    return this.actionNotice ?? '';
  }

  get extensionPending(): boolean {
    return !!this.selectedRegistration?.extensionRequested;
  }

  get canRequestExtension(): boolean {
    return !!this.selectedRegistration?.canRequestExtension && !this.selectedRegistration?.extensionRequested;
  }

  get canWithdraw(): boolean {
    return !!this.selectedRegistration?.canWithdraw;
  }

  private acknowledgedId: string | undefined;

  handleFormSaved(): void {
    this.refresh();
  }

  handleFormSubmitted(event: CustomEvent<{ id: string }>): void {
    this.acknowledgedId = event.detail?.id;
    this.refresh();
  }

  // ---------- withdraw / extension ----------

  handleStartWithdraw(): void {
    this.resetAction();
    this.actionNotice = undefined;
    this.pendingAction = 'withdraw';
  }

  handleStartExtension(): void {
    this.resetAction();
    this.actionNotice = undefined;
    this.pendingAction = 'extension';
  }

  handleCancelAction(): void {
    this.resetAction();
  }

  private resetAction(): void {
    this.pendingAction = undefined;
    this.actionReason = '';
    this.actionError = undefined;
    this.actionReasonError = undefined;
  }

  get isWithdrawing(): boolean {
    return this.pendingAction === 'withdraw';
  }

  get isRequestingExtension(): boolean {
    return this.pendingAction === 'extension';
  }

  get actionReasonLabel(): string {
    return this.isWithdrawing ? LABELS.Withdraw_Reason : LABELS.Extension_Reason;
  }

  get actionConfirmLabel(): string {
    return this.isWithdrawing ? LABELS.Withdraw_Confirm : LABELS.Extension_Confirm;
  }

  get actionConfirmVariant(): string {
    return this.isWithdrawing ? 'destructive' : 'brand';
  }

  handleReasonChange(event: CustomEvent<{ value?: string }>): void {
    this.actionReason = event.detail?.value ?? '';
    if (this.actionReason.trim()) this.actionReasonError = undefined;
  }

  async handleConfirmAction(): Promise<void> {
    const s = this.selectedRegistration;
    if (!s || !this.pendingAction || this.actionBusy) return;
    const reason = this.actionReason.trim();
    if (!reason) {
      this.actionReasonError = LABELS.Reason_Required;
      return;
    }
    this.actionBusy = true;
    this.actionError = undefined;
    const withdrawing = this.pendingAction === 'withdraw';
    try {
      if (withdrawing) {
        await withdrawRegistration({ registrationId: s.id, reason });
      } else {
        await requestExtension({ registrationId: s.id, reason });
      }
      this.resetAction();
      this.actionNotice = withdrawing ? LABELS.Withdraw_Done : LABELS.Extension_Done;
      this.actionNoticeKind = withdrawing ? 'withdraw' : 'extension';
      await this.refresh();
    } catch (error) {
      // The reason stays in the box so the partner can try again.
      this.actionError = error;
    } finally {
      this.actionBusy = false;
    }
  }

  // ---------- ask about status ----------

  handleQuestionChange(event: CustomEvent<{ value?: string }>): void {
    this.question = event.detail?.value ?? '';
  }

  get askDisabled(): boolean {
    return this.askBusy || !this.question.trim();
  }

  async handleAsk(): Promise<void> {
    const s = this.selectedRegistration;
    const question = this.question.trim();
    if (!s || !question) return;
    this.askBusy = true;
    this.answer = undefined;
    this.answerUnavailable = false;
    try {
      const result = await askStatus({ dealId: s.id, question });
      if (result && result.available && hasText(result.answer)) {
        this.answer = result;
      } else {
        this.answerUnavailable = true;
      }
    } catch {
      this.answerUnavailable = true;
    } finally {
      this.askBusy = false;
    }
  }

  get hasAnswerNextStep(): boolean {
    return hasText(this.answer?.nextStep);
  }
}

import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { subscribe, unsubscribe, onError, isEmpEnabled } from 'lightning/empApi';
import type { EmpMessage, EmpSubscription } from 'lightning/empApi';
import getMyRegistrations from '@salesforce/apex/DealRegistrationPortalController.getMyRegistrations';
import withdrawRegistration from '@salesforce/apex/DealRegistrationPortalController.withdraw';
import requestExtension from '@salesforce/apex/DealRegistrationPortalController.requestExtension';
import askStatus from '@salesforce/apex/DealAssistController.askStatus';
import { ALL_STATUSES, STATUS, formatLabel, hasText } from 'c/dealPortalUtils';
import { LABELS } from './labels';

/** The platform event the scoring bridge publishes after a registration is scored or decided. */
export const DEAL_SCORED_CHANNEL = '/event/Deal_Scored__e';

interface DealScoredPayload {
  Deal_Registration_Id__c?: string;
  Status__c?: string;
}

interface WiredRegistrations {
  data?: DealPortalRegistration[];
  error?: unknown;
}

interface RowView {
  id: string;
  name: string;
  customerName: string;
  status: string;
  submittedAt: string | null | undefined;
  protectionExpiresOn: string | null | undefined;
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
 * information, request an extension, withdraw). Refreshes itself when Deal_Scored__e arrives, and falls
 * back to a refresh button plus refresh-on-focus where the portal user cannot subscribe to events.
 */
export default class MyDealRegistrations extends LightningElement {
  labels = LABELS;
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

  liveState: 'connecting' | 'live' | 'off' = 'connecting';
  private subscription: EmpSubscription | undefined;
  private wiredResult: WiredRegistrations | undefined;
  private readonly focusHandler = (): void => {
    this.refresh();
  };
  private focusListening = false;
  private disconnected = false;

  pendingAction: PendingAction;
  actionReason = '';
  actionError: unknown;
  actionReasonError: string | undefined;
  actionBusy = false;
  /** Inline confirmation: toasts are not shown in LWR Experience Cloud sites. */
  actionNotice: string | undefined;

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
    this.disconnected = false;
    this.subscribeToScoring();
  }

  override disconnectedCallback(): void {
    this.disconnected = true;
    if (this.subscription) {
      unsubscribe(this.subscription).catch(() => undefined);
      this.subscription = undefined;
    }
    this.stopFocusFallback();
  }

  // ---------- live updates ----------

  private async subscribeToScoring(): Promise<void> {
    try {
      onError(() => this.fallBackToManualRefresh());
      const enabled = await isEmpEnabled();
      if (!enabled) throw new Error('empApi is not enabled for this user');
      const subscription = await subscribe<DealScoredPayload>(DEAL_SCORED_CHANNEL, -1, (message) =>
        this.handleDealScored(message)
      );
      if (this.disconnected) {
        unsubscribe(subscription).catch(() => undefined);
        return;
      }
      this.subscription = subscription;
      this.liveState = 'live';
    } catch {
      // Experience Cloud users often have no streaming access: stay useful without it.
      this.fallBackToManualRefresh();
    }
  }

  private fallBackToManualRefresh(): void {
    this.liveState = 'off';
    if (!this.focusListening && !this.disconnected) {
      window.addEventListener('focus', this.focusHandler);
      this.focusListening = true;
    }
  }

  private stopFocusFallback(): void {
    if (this.focusListening) {
      window.removeEventListener('focus', this.focusHandler);
      this.focusListening = false;
    }
  }

  private handleDealScored(message: EmpMessage<DealScoredPayload>): void {
    const id = message?.data?.payload?.Deal_Registration_Id__c;
    // Events for other companies' deals are not ours to act on; ids are compared on 15 characters.
    if (id && this.registrations.some((r) => r.id.slice(0, 15) === id.slice(0, 15))) {
      this.refresh();
    }
  }

  get liveOn(): boolean {
    return this.liveState === 'live';
  }

  get liveOff(): boolean {
    return this.liveState === 'off';
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
      submittedAt: r.submittedAt,
      protectionExpiresOn: r.protectionExpiresOn,
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

  get selected(): DealPortalRegistration | undefined {
    return this.registrations.find((r) => r.id === this.selectedId);
  }

  get detailTitle(): string {
    const s = this.selected;
    return s ? formatLabel(LABELS.Detail_Title, s.name, s.customerName ?? '') : '';
  }

  get nextStep(): string {
    const s = this.selected;
    if (!s) return '';
    return NEXT_STEP[s.status] ?? LABELS.Next_Unknown;
  }

  get showEmbeddedForm(): boolean {
    const s = this.selected;
    // After a submit the form stays to show its acknowledgment, even though the row is no longer editable.
    return !!s && (s.canEdit || s.canRespond || s.id === this.acknowledgedId);
  }

  get hasPartnerMessage(): boolean {
    return hasText(this.selected?.partnerMessage);
  }

  get extensionPending(): boolean {
    return !!this.selected?.extensionRequested;
  }

  get canRequestExtension(): boolean {
    return !!this.selected?.canRequestExtension && !this.selected?.extensionRequested;
  }

  get canWithdraw(): boolean {
    return !!this.selected?.canWithdraw;
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
    const s = this.selected;
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
      const notice = withdrawing ? LABELS.Withdraw_Done : LABELS.Extension_Done;
      this.dispatchEvent(new ShowToastEvent({ title: notice, variant: 'success' }));
      this.resetAction();
      this.actionNotice = notice;
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
    const s = this.selected;
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

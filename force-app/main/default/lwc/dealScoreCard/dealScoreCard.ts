import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { getRelatedListRecords, type RelatedListRecord } from 'lightning/uiRelatedListApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  subscribe as empSubscribe,
  unsubscribe as empUnsubscribe,
  type EmpSubscription
} from 'lightning/empApi';
import {
  publish,
  subscribe as lmsSubscribe,
  unsubscribe as lmsUnsubscribe,
  MessageContext,
  type MessageSubscription
} from 'lightning/messageService';
import DEAL_SELECTION from '@salesforce/messageChannel/Deal_Selection__c';
import getScoreCard from '@salesforce/apex/DealReviewController.getScoreCard';
import getAuditTimeline from '@salesforce/apex/DealReviewController.getAuditTimeline';
import getConsoleSettings from '@salesforce/apex/DealReviewController.getConsoleSettings';
import decide from '@salesforce/apex/DealReviewController.decide';
import decideExtension from '@salesforce/apex/DealReviewController.decideExtension';
import { reduceErrors } from 'c/ldsUtils';
import {
  formatDate,
  formatLabel as format,
  formatMoney,
  labelOf as labelOfIn,
  observeWidth,
  text
} from 'c/dealFormat';
import { labelOfPath } from 'c/dealFields';
import { LABELS } from './labels';

/** Platform event the scoring bridge publishes after every scoring. */
export const SCORED_CHANNEL = '/event/Deal_Scored__e';

/** From this width (px) of the card's own box, positive and negative factors sit side by side. */
export const TWO_COLUMN_MIN_WIDTH = 576;
/** Below this width (px), each conflict's comparison table is stacked (label, this one, the other). */
export const STACK_BELOW_WIDTH = 480;

/**
 * MDF claims tied to the registration (PartnerFundClaim.Deal_Registration__c, relationship
 * MDF_Claims, in the optional force-app-mdf package). Read through the related list API, so the
 * core package compiles and deploys without MDF; where the list does not exist the card shows none.
 */
export const MDF_CLAIMS_RELATED_LIST = 'MDF_Claims__r';
export const MDF_CLAIM_FIELDS = [
  'PartnerFundClaim.Title',
  'PartnerFundClaim.Claim_Stage__c',
  'PartnerFundClaim.Amount',
  'PartnerFundClaim.Recommendation__c'
];

/** How many factors of each sign the card explains. */
export const TOP_FACTORS = 3;

function labelOf(prefix: string, value: string | null | undefined): string {
  return labelOfIn(LABELS, prefix, value);
}

type FormAction = DealReviewAction | 'EXTENSION_APPROVE' | 'EXTENSION_REJECT';

const DECISIONS: DealReviewAction[] = ['APPROVE', 'REJECT', 'REQUEST_INFO', 'REASSIGN'];

interface FactorView {
  key: string;
  sentence: string;
  pointsText: string;
}

interface ComparisonRow {
  key: string;
  label: string;
  mine: string;
  theirs: string;
  cellClass: string;
}

interface ConflictCardView {
  key: string;
  headingId: string;
  kindLabel: string;
  similarityText: string;
  /** "Same deal 91%" / "Other deal (12% alike)"; empty without a deal comparison. */
  dealText: string;
  dealBadgeClass: string;
  dealReasons: { key: string; text: string }[];
  hasDealReasons: boolean;
  reasons: { key: string; text: string }[];
  hasReasons: boolean;
  visible: boolean;
  recordId: string | null;
  linkLabel: string;
  rows: ComparisonRow[];
}

interface ValidatedInput extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

interface ActionButton {
  key: DealReviewAction;
  label: string;
  variant: string;
  overrides: boolean;
}

function same(a: string, b: string): boolean {
  return a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The score card of one registration, for a record page (`recordId`) or beside the review queue
 * (selection received on Deal_Selection__c): score and confidence, the factors that raised and lowered
 * it as sentences, missing fields, each potential conflict side by side with the submission, the
 * decision actions (each with a required reason, stating when it overrides the AI), the audit
 * timeline and a shadow-mode banner.
 */
export default class DealScoreCard extends NavigationMixin(LightningElement) {
  labels = LABELS;

  /** Set on a record page; beside the queue the selection arrives on Deal_Selection__c instead. */
  @api recordId: string | undefined;

  @wire(MessageContext as never)
  messageContext: unknown;

  selectedId: string | null = null;
  card: DealReviewScoreCard | null = null;
  mdfClaimRecords: RelatedListRecord[] = [];
  timeline: DealReviewTimelineEntry[] = [];
  settings: DealReviewConsoleSettings | null = null;
  loading = false;
  error: unknown = null;
  timelineError: unknown = null;

  activeAction: FormAction | null = null;
  reason = '';
  reassignTo: string | null = null;
  saving = false;
  formError: unknown = null;
  validationMessage = '';

  /** The card's own width, measured; 0 until known (laid out as narrow). */
  panelWidth = 0;
  private stopObservingWidth: (() => void) | null = null;

  private reasonErrorShown = false;
  private loadSeq = 0;
  private subscription: MessageSubscription | null = null;
  private empSubscription: EmpSubscription | null = null;
  private connected = false;
  private focusForm = false;
  /** The action button that opened the form gets the focus back when the form closes. */
  private restoreFocusTo: string | null = null;

  override connectedCallback(): void {
    this.connected = true;
    this.loadSettings();
    this.subscribeToScoring();
    if (this.recordId) {
      this.load();
    } else if (!this.subscription) {
      this.subscription = lmsSubscribe(this.messageContext, DEAL_SELECTION, (message) =>
        this.handleSelection(message)
      );
    }
  }

  override disconnectedCallback(): void {
    this.connected = false;
    this.stopObservingWidth?.();
    this.stopObservingWidth = null;
    lmsUnsubscribe(this.subscription);
    this.subscription = null;
    if (this.empSubscription) {
      empUnsubscribe(this.empSubscription);
      this.empSubscription = null;
    }
  }

  /** A rescoring of the registration on screen reloads the card (unless a decision is being typed). */
  private async subscribeToScoring(): Promise<void> {
    try {
      const subscription = await empSubscribe<{ Deal_Registration_Id__c?: string }>(
        SCORED_CHANNEL,
        -1,
        (message) => {
          const id = message?.data?.payload?.Deal_Registration_Id__c;
          const current = this.dealId;
          if (id && current && id.substring(0, 15) === current.substring(0, 15) && !this.formOpen) {
            this.load();
          }
        }
      );
      if (this.connected) {
        this.empSubscription = subscription;
      } else {
        empUnsubscribe(subscription);
      }
    } catch {
      // Live updates are a convenience here: the Refresh button still works.
      this.empSubscription = null;
    }
  }

  override renderedCallback(): void {
    if (!this.stopObservingWidth) {
      const panel = this.template?.querySelector('[data-id="panel"]');
      if (panel) {
        this.stopObservingWidth = observeWidth(panel, (width) => {
          if (Math.abs(width - this.panelWidth) >= 1) this.panelWidth = width;
        });
      }
    }
    if (this.focusForm) {
      this.focusForm = false;
      const target = this.template?.querySelector<HTMLElement>('[data-id="reason"]');
      target?.focus();
    } else if (this.restoreFocusTo && !this.formOpen) {
      const button = this.template?.querySelector<HTMLElement>(`[data-action="${this.restoreFocusTo}"]`);
      this.restoreFocusTo = null;
      button?.focus();
    }
  }

  get dealId(): string | null {
    return this.recordId || this.selectedId;
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$dealId',
    relatedListId: MDF_CLAIMS_RELATED_LIST,
    fields: MDF_CLAIM_FIELDS
  })
  wiredMdfClaims({ data }: { data?: { records: RelatedListRecord[] }; error?: unknown }): void {
    // An error means the org has no MDF package (or no access): the card then lists no claims.
    this.mdfClaimRecords = data?.records ?? [];
  }

  get mdfClaims(): { key: string; recordId: string; text: string }[] {
    const value = (r: RelatedListRecord, f: string) => r.fields[f]?.displayValue ?? r.fields[f]?.value ?? '';
    return this.mdfClaimRecords.map((r) => ({
      key: r.id,
      recordId: r.id,
      text: [value(r, 'Title'), value(r, 'Claim_Stage__c'), value(r, 'Amount'), value(r, 'Recommendation__c')]
        .filter((v) => v !== '' && v !== null)
        .map(String)
        .join(' · ')
    }));
  }

  get hasMdfClaims(): boolean {
    return this.mdfClaimRecords.length > 0;
  }

  // ------------------------------------------------------------ data

  private async loadSettings(): Promise<void> {
    try {
      this.settings = await getConsoleSettings();
    } catch {
      // The card's own load reports the same refusal; the banner just falls back to the card's flag.
      this.settings = null;
    }
  }

  private handleSelection(message: Record<string, unknown>): void {
    const id = typeof message?.recordId === 'string' ? message.recordId : null;
    if (!id || message.decision) return;
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.closeForm();
    this.load();
  }

  /** Reads the score card and the audit timeline of the current registration. */
  async load(): Promise<void> {
    const dealId = this.dealId;
    if (!dealId) return;
    const seq = ++this.loadSeq;
    this.loading = true;
    const [cardResult, timelineResult] = await Promise.allSettled([
      getScoreCard({ dealId }),
      getAuditTimeline({ dealId })
    ]);
    if (seq !== this.loadSeq) return;
    if (cardResult.status === 'fulfilled') {
      this.card = cardResult.value;
      this.error = null;
    } else {
      this.card = null;
      this.error = cardResult.reason;
    }
    if (timelineResult.status === 'fulfilled') {
      this.timeline = timelineResult.value ?? [];
      this.timelineError = null;
    } else {
      this.timeline = [];
      this.timelineError = timelineResult.reason;
    }
    this.loading = false;
  }

  // ------------------------------------------------------------ view: header

  get hasDeal(): boolean {
    return !!this.dealId;
  }

  get showEmpty(): boolean {
    return !this.dealId;
  }

  get deal(): DealReviewDealView | null {
    return this.card?.deal ?? null;
  }

  get recommendation(): DealReviewRecommendation | null {
    return this.card?.recommendation ?? null;
  }

  get shadowMode(): boolean {
    return this.settings?.shadowMode ?? this.card?.shadowMode ?? false;
  }

  get score(): number | null {
    const s = this.recommendation?.score ?? this.deal?.score;
    return s === undefined ? null : s;
  }

  get hasScore(): boolean {
    return this.score !== null;
  }

  get scoreText(): string {
    return this.hasScore ? format(LABELS.Score_Of, this.score) : LABELS.Not_Scored;
  }

  get scoreClass(): string {
    const s = this.score ?? 0;
    const theme = s >= 70 ? 'slds-theme_success' : s >= 40 ? 'slds-theme_warning' : 'slds-theme_error';
    return `score slds-badge ${theme}`;
  }

  get confidenceText(): string {
    return labelOf('Confidence', this.recommendation?.confidence ?? this.deal?.confidence);
  }

  get triageText(): string {
    return labelOf('Triage', this.recommendation?.triage ?? this.deal?.triage) || LABELS.Not_Scored;
  }

  get recommendationText(): string {
    return labelOf('Rec', this.recommendation?.recommendedAction ?? this.deal?.recommendedAction);
  }

  get rationale(): string {
    return this.recommendation?.rationale || this.deal?.summary || '';
  }

  get overdueText(): string {
    const d = this.deal;
    return d?.overdue ? format(LABELS.Overdue_Banner, d.ageHours, d.slaHours) : '';
  }

  /** Who reviews it and why (the routing rule), or the queue it waits in when nobody was available. */
  get assignmentText(): string {
    const d = this.deal;
    if (!d) return '';
    if (d.assignedReviewerName) {
      return d.routingRule
        ? format(LABELS.Assignment_Rule, d.assignedReviewerName, d.routingRule)
        : d.assignedReviewerName;
    }
    return d.routingQueue ? format(LABELS.Unassigned, d.routingQueue) : LABELS.Not_Routed;
  }

  get escalationText(): string {
    const level = this.deal?.escalationLevel ?? 0;
    return level > 0 ? format(LABELS.Escalation_Level, level) : '';
  }

  get decidedText(): string {
    const d = this.deal;
    if (!this.card || !d || this.card.decisionOpen) return '';
    return format(LABELS.Decided, d.status);
  }

  get isFallback(): boolean {
    return this.recommendation?.fallback === true;
  }

  get showParseWarning(): boolean {
    return (this.recommendation?.parseWarnings ?? []).length > 0;
  }

  get showNoRecommendation(): boolean {
    return !!this.card && !this.recommendation;
  }

  // ------------------------------------------------------------ view: factors, missing fields

  private factorViews(positive: boolean): FactorView[] {
    const sign = positive ? 1 : -1;
    const factors = (this.recommendation?.factors ?? []).filter((f) => (f.points ?? 0) * sign > 0);
    factors.sort((a, b) => (b.points - a.points) * sign);
    return factors.slice(0, TOP_FACTORS).map((f, i) => ({
      key: `${positive ? 'p' : 'n'}${i}-${f.code}`,
      sentence: f.detail ? `${f.label}. ${f.detail}` : f.label,
      pointsText: format(LABELS.Points, f.points > 0 ? `+${f.points}` : String(f.points))
    }));
  }

  get factorsClass(): string {
    return this.panelWidth >= TWO_COLUMN_MIN_WIDTH
      ? 'factors factors_two-columns slds-m-bottom_small'
      : 'factors slds-m-bottom_small';
  }

  get comparisonClass(): string {
    const base =
      'comparison slds-table slds-table_bordered slds-table_cell-buffer slds-table_fixed-layout slds-m-bottom_xx-small';
    return this.panelWidth < STACK_BELOW_WIDTH ? `${base} comparison_stacked` : base;
  }

  get positiveFactors(): FactorView[] {
    return this.factorViews(true);
  }

  get negativeFactors(): FactorView[] {
    return this.factorViews(false);
  }

  get hasPositiveFactors(): boolean {
    return this.positiveFactors.length > 0;
  }

  get hasNegativeFactors(): boolean {
    return this.negativeFactors.length > 0;
  }

  get hasNoFactors(): boolean {
    return !!this.recommendation && !this.hasPositiveFactors && !this.hasNegativeFactors;
  }

  get missingFields(): { key: string; text: string }[] {
    return (this.recommendation?.missingFields ?? []).map((f, i) => ({ key: `m${i}`, text: labelOfPath(f) }));
  }

  get hasMissingFields(): boolean {
    return this.missingFields.length > 0;
  }

  // ------------------------------------------------------------ view: conflicts

  get conflicts(): ConflictCardView[] {
    const d = this.deal;
    if (!d) return [];
    return (this.card?.conflicts ?? []).map((c, i) => {
      const rows: [string, string, string][] = [
        [LABELS.Field_Customer, text(d.customerName), text(c.name)],
        [LABELS.Field_Domain, text(d.customerDomain), text(c.domain)],
        [LABELS.Field_Partner, text(d.partnerName), text(c.partnerName ?? c.ownerName)],
        [LABELS.Field_Status, text(d.status), text(c.status)],
        [LABELS.Field_Started, formatDate(d.submittedAt ?? d.createdDate), formatDate(c.startedAt)],
        [LABELS.Field_Opportunity, text(d.opportunityName), text(c.opportunityName)],
        [LABELS.Field_Close, formatDate(d.closeDate), formatDate(c.closeDate)],
        [LABELS.Field_Value, formatMoney(d.value, d.currencyCode), formatMoney(c.value, c.currencyCode)],
        [LABELS.Field_Region, text(d.region), text(c.region)],
        [LABELS.Field_Products, text(d.products), text(c.products)]
      ];
      if (c.protectionExpiresOn) {
        rows.push([
          LABELS.Field_Protection,
          formatDate(d.protectionExpiresOn),
          formatDate(c.protectionExpiresOn)
        ]);
      }
      const kindLabel = labelOf('Kind', c.kind) || text(c.kind);
      return {
        key: `${c.candidateId}-${i}`,
        headingId: `conflict-${i}`,
        kindLabel: c.recordName ? `${kindLabel}: ${c.recordName}` : kindLabel,
        similarityText:
          c.similarity === null || c.similarity === undefined
            ? ''
            : format(LABELS.Similarity, Math.round(c.similarity * 100)),
        dealText:
          c.dealScore === null || c.dealScore === undefined
            ? ''
            : format(c.sameDeal ? LABELS.Same_Deal : LABELS.Other_Deal, Math.round(c.dealScore * 100)),
        dealBadgeClass: c.sameDeal ? 'slds-badge slds-theme_error' : 'slds-badge slds-theme_success',
        dealReasons: (c.dealReasons ?? []).map((r, j) => ({ key: `d${j}`, text: r })),
        hasDealReasons: (c.dealReasons ?? []).length > 0,
        reasons: (c.reasons ?? []).map((r, j) => ({ key: `r${j}`, text: r })),
        hasReasons: (c.reasons ?? []).length > 0,
        visible: c.visible === true,
        recordId: c.recordId ?? null,
        linkLabel: format(LABELS.Open_Record, c.recordName || c.name || kindLabel),
        rows: rows
          .filter(([, mine, theirs]) => mine !== '' || theirs !== '')
          .map(([label, mine, theirs], j) => ({
            key: `f${j}`,
            label,
            mine,
            theirs,
            cellClass: same(mine, theirs) ? 'match slds-text-title_bold' : ''
          }))
      };
    });
  }

  get hasConflicts(): boolean {
    return (this.card?.conflicts ?? []).length > 0;
  }

  // ------------------------------------------------------------ view: actions and form

  get canDecide(): boolean {
    return !!this.card && this.card.decisionOpen === true;
  }

  get actionButtons(): ActionButton[] {
    const overrides = this.card?.overrides ?? {};
    return DECISIONS.map((key) => ({
      key,
      label: labelOf('Action', key),
      variant: this.activeAction === key ? 'brand' : 'neutral',
      overrides: overrides[key] === true
    }));
  }

  get showExtension(): boolean {
    return this.deal?.extensionRequested === true;
  }

  get formOpen(): boolean {
    return this.activeAction !== null;
  }

  get formTitle(): string {
    switch (this.activeAction) {
      case 'EXTENSION_APPROVE':
        return LABELS.Extension_Approve;
      case 'EXTENSION_REJECT':
        return LABELS.Extension_Reject;
      case null:
        return '';
      default:
        return labelOf('Action', this.activeAction);
    }
  }

  get isReassign(): boolean {
    return this.activeAction === 'REASSIGN';
  }

  get isDecision(): boolean {
    return this.activeAction !== null && (DECISIONS as string[]).includes(this.activeAction);
  }

  get overridesAi(): boolean {
    if (!this.isDecision) return false;
    return this.card?.overrides?.[this.activeAction as DealReviewAction] === true;
  }

  get overrideText(): string {
    return format(LABELS.Override_Warning, this.recommendationText || this.recommendation?.recommendedAction);
  }

  get agreesWithAi(): boolean {
    return this.isDecision && !this.overridesAi && this.card?.recommendedDecision === this.activeAction;
  }

  get reasonHelp(): string {
    return this.activeAction === 'REQUEST_INFO' ? LABELS.Reason_Help_Info : LABELS.Reason_Help;
  }

  get confirmVariant(): string {
    return this.activeAction === 'REJECT' || this.activeAction === 'EXTENSION_REJECT'
      ? 'destructive'
      : 'brand';
  }

  // ------------------------------------------------------------ view: timeline

  get hasTimeline(): boolean {
    return this.timeline.length > 0;
  }

  get showTimelineEmpty(): boolean {
    return !this.hasTimeline && !this.timelineError && !!this.card;
  }

  get timelineItems(): (DealReviewTimelineEntry & { meta: string })[] {
    return this.timeline.map((e) => ({
      ...e,
      meta: [e.actorName, e.outcome].filter((v) => !!v).join(' · ')
    }));
  }

  // ------------------------------------------------------------ handlers

  handleActionClick(event: Event): void {
    const action = (event.currentTarget as HTMLElement).dataset.action as FormAction | undefined;
    if (!action) return;
    this.activeAction = action;
    this.reason = '';
    this.reassignTo = null;
    this.formError = null;
    this.validationMessage = '';
    this.reasonErrorShown = false;
    this.focusForm = true;
  }

  handleReasonChange(event: CustomEvent<{ value: string }>): void {
    this.reason = event.detail.value ?? '';
    if (this.reason.trim() && this.reasonErrorShown) {
      // The message goes with the first character typed, not on blur: disappearing on blur would
      // move Confirm between mouse-down and mouse-up just as appearing did.
      this.reasonErrorShown = false;
      this.reasonInput?.setCustomValidity('');
      this.reasonInput?.reportValidity();
    }
  }

  handleReassignChange(event: CustomEvent<{ recordId: string | null }>): void {
    this.reassignTo = event.detail.recordId ?? null;
  }

  handleCancel(): void {
    this.closeForm();
  }

  handleFormKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.closeForm();
    }
  }

  handleOpenRecord(event: Event): void {
    const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
    if (!recordId) return;
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId, actionName: 'view' }
    });
  }

  handleRefresh(): void {
    this.load();
  }

  /**
   * Checked on Confirm only. The reason box is not `required` for the base component, which would
   * report "Complete this field" on blur, i.e. between mouse-down and mouse-up on Confirm, moving the
   * button away from the pointer so the click is lost. Here the message is set on the field itself
   * (red border, aria-invalid, described by the message) once the click has landed.
   */
  private validate(): boolean {
    const reasonInput = this.reasonInput;
    const reasonMissing = !this.reason.trim();
    reasonInput?.setCustomValidity(reasonMissing ? LABELS.Reason_Required : '');
    reasonInput?.reportValidity();
    this.reasonErrorShown = reasonMissing;
    if (reasonMissing) {
      reasonInput?.focus();
      return false;
    }
    if (this.isReassign && !this.reassignTo) {
      this.validationMessage = LABELS.Reassign_User_Required;
      return false;
    }
    this.validationMessage = '';
    return true;
  }

  private get reasonInput(): ValidatedInput | null {
    return this.template?.querySelector<ValidatedInput>('[data-id="reason"]') ?? null;
  }

  async handleConfirm(): Promise<void> {
    const dealId = this.dealId;
    const action = this.activeAction;
    if (!dealId || !action || this.saving) return;
    if (!this.validate()) return;
    this.saving = true;
    this.formError = null;
    const reason = this.reason.trim();
    try {
      let title: string;
      let message: string | undefined;
      if (action === 'EXTENSION_APPROVE' || action === 'EXTENSION_REJECT') {
        await decideExtension({ dealId, approve: action === 'EXTENSION_APPROVE', reason });
        title = LABELS.Extension_Saved;
      } else {
        const result = await decide({
          dealId,
          action,
          reason,
          reassignToUserId: action === 'REASSIGN' ? this.reassignTo : null
        });
        title = labelOf('Decided', action);
        if (result?.overridden) message = LABELS.Decision_Saved_Override;
      }
      this.dispatchEvent(new ShowToastEvent({ title, message, variant: 'success' }));
      publish(this.messageContext, DEAL_SELECTION, {
        recordId: dealId,
        decision: action.startsWith('EXTENSION') ? 'EXTENSION' : action
      });
      this.closeForm();
      await this.load();
    } catch (e) {
      this.formError = e;
      this.dispatchEvent(
        new ShowToastEvent({
          title: LABELS.Decision_Failed,
          message: reduceErrors(e).join(' '),
          variant: 'error'
        })
      );
    } finally {
      this.saving = false;
    }
  }

  private closeForm(): void {
    this.restoreFocusTo = this.activeAction;
    this.activeAction = null;
    this.reason = '';
    this.reassignTo = null;
    this.formError = null;
    this.validationMessage = '';
  }
}

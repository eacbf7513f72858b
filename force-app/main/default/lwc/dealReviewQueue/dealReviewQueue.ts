import { LightningElement, wire } from 'lwc';
import {
  subscribe as empSubscribe,
  unsubscribe as empUnsubscribe,
  onError as empOnError,
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
import getQueue from '@salesforce/apex/DealReviewController.getQueue';
import getConsoleSettings from '@salesforce/apex/DealReviewController.getConsoleSettings';
import {
  formatDuration,
  formatLabel as format,
  formatNumber,
  labelOf as labelOfIn,
  observeWidth,
  statusBadgeClass,
  triageBadgeClass
} from 'c/dealFormat';
import { REGIONS, SETTING_DEFAULTS, TIERS, TRIAGE } from 'c/dealVocabulary';
import { LABELS } from './labels';

/** Platform event channel the scoring bridge publishes after every scoring. */
export const SCORED_CHANNEL = '/event/Deal_Scored__e';
/** Rows per request; the Apex controller accepts 1-200. */
export const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
/** Several events in a burst (a batch was scored) cause one refresh, this long after the last. */
export const REFRESH_DEBOUNCE_MS = 750;

type SortDirection = 'asc' | 'desc';

interface Option {
  label: string;
  value: string;
}

interface RowView extends DealReviewQueueRow {
  statusText: string;
  statusClass: string;
  triageLabel: string;
  triageClass: string;
  tierLabel: string;
  ageText: string;
  ageClass: string;
  ageIcon: string | null;
  ageIconText: string;
}

interface Filters {
  triage: string;
  region: string;
  tier: string;
  band: string;
  overdueOnly: boolean;
}

function labelOf(prefix: string, value: string | null | undefined, fallback = ''): string {
  return labelOfIn(LABELS, prefix, value, fallback);
}

const SORTABLE = new Set(['name', 'score', 'partnerName', 'customerName', 'value', 'ageHours']);

type ColumnKey =
  | 'name'
  | 'score'
  | 'triage'
  | 'customer'
  | 'age'
  | 'value'
  | 'partner'
  | 'status'
  | 'region'
  | 'tier';

/**
 * Every column with the width it needs to be readable, most important first. The table shows as
 * many as fit the width its region gives it (measured), so a half-page console column gets five
 * readable columns instead of ten crushed ones; the score card shows the rest of a selected row.
 */
const COLUMN_PRIORITY: { key: ColumnKey; width: number }[] = [
  { key: 'name', width: 120 },
  { key: 'score', width: 80 },
  { key: 'triage', width: 150 },
  { key: 'customer', width: 160 },
  { key: 'age', width: 120 },
  { key: 'value', width: 120 },
  { key: 'status', width: 170 },
  { key: 'partner', width: 160 },
  { key: 'region', width: 90 },
  { key: 'tier', width: 110 }
];
/** Always shown, however narrow: a row must stay identifiable and selectable. */
const MIN_COLUMNS = 3;
/** Space for the selection checkbox column. */
const CHECKBOX_WIDTH = 40;

/** The columns that fit `width` px (all of them while the width is unknown). */
export function columnsForWidth(width: number, withTier: boolean): ColumnKey[] {
  const candidates = COLUMN_PRIORITY.filter((c) => withTier || c.key !== 'tier');
  if (!width || width <= 0) return candidates.map((c) => c.key);
  const keys: ColumnKey[] = [];
  let used = CHECKBOX_WIDTH;
  for (const column of candidates) {
    if (keys.length >= MIN_COLUMNS && used + column.width > width) break;
    keys.push(column.key);
    used += column.width;
  }
  return keys;
}

const COLUMN_DEFS: Record<ColumnKey, object> = {
  name: {
    label: LABELS.Col_Registration,
    fieldName: 'name',
    type: 'button',
    sortable: true,
    typeAttributes: {
      label: { fieldName: 'name' },
      name: 'select',
      variant: 'base',
      title: LABELS.Select_Row
    }
  },
  score: { label: LABELS.Col_Score, fieldName: 'score', type: 'number', sortable: true, initialWidth: 80 },
  triage: {
    label: LABELS.Col_Triage,
    fieldName: 'triageLabel',
    type: 'badge',
    typeAttributes: { badgeClass: { fieldName: 'triageClass' } }
  },
  partner: {
    label: LABELS.Col_Partner,
    fieldName: 'partnerName',
    type: 'text',
    sortable: true,
    wrapText: true
  },
  tier: { label: LABELS.Col_Tier, fieldName: 'tierLabel', type: 'text', initialWidth: 110 },
  customer: {
    label: LABELS.Col_Customer,
    fieldName: 'customerName',
    type: 'text',
    sortable: true,
    wrapText: true
  },
  region: { label: LABELS.Col_Region, fieldName: 'region', type: 'text', initialWidth: 90 },
  value: {
    label: LABELS.Col_Value,
    fieldName: 'value',
    type: 'currency',
    sortable: true,
    typeAttributes: { currencyCode: { fieldName: 'currencyCode' }, maximumFractionDigits: 0 }
  },
  status: {
    label: LABELS.Col_Status,
    fieldName: 'statusText',
    type: 'badge',
    typeAttributes: { badgeClass: { fieldName: 'statusClass' } }
  },
  age: {
    label: LABELS.Col_Age,
    fieldName: 'ageHours',
    type: 'duration',
    sortable: true,
    initialWidth: 120,
    typeAttributes: { text: { fieldName: 'ageText' } },
    cellAttributes: {
      class: { fieldName: 'ageClass' },
      iconName: { fieldName: 'ageIcon' },
      iconAlternativeText: { fieldName: 'ageIconText' },
      iconPosition: 'left'
    }
  }
};

/** Column definitions in table order; built only when the chosen set changes, so the table keeps its state. */
function buildColumns(keys: ColumnKey[]): object[] {
  const order: ColumnKey[] = [
    'name',
    'score',
    'triage',
    'partner',
    'tier',
    'customer',
    'region',
    'value',
    'status',
    'age'
  ];
  return order.filter((k) => keys.includes(k)).map((k) => COLUMN_DEFS[k]);
}

/**
 * The channel manager's review queue: registrations waiting for a human, sortable, filterable and
 * paged (keyset cursor from Apex, infinite scrolling plus a "Load more" button for keyboard users).
 * Refreshes in place when Deal_Scored__e arrives or a decision is announced on Deal_Selection__c,
 * keeping the selected row; selecting a row publishes its id on Deal_Selection__c.
 */
export default class DealReviewQueue extends LightningElement {
  labels = LABELS;

  @wire(MessageContext as never)
  messageContext: unknown;

  rows: RowView[] = [];
  totalCount = 0;
  hasMore = false;
  nextCursor: string | null = null;
  loading = false;
  loadingMore = false;
  error: unknown = null;
  settingsError: unknown = null;
  settings: DealReviewConsoleSettings | null = null;
  liveUnavailable = false;
  statusMessage = '';
  loadedOnce = false;

  filters: Filters = { triage: '', region: '', tier: '', band: '', overdueOnly: false };
  sortedBy = 'ageHours';
  sortedDirection: SortDirection = 'desc';
  selectedId: string | null = null;
  selectedRows: string[] = [];
  columns: object[] = buildColumns(columnsForWidth(0, false));
  private columnKeys = '';
  private tableWidth = 0;
  private stopObservingWidth: (() => void) | null = null;

  private requestSeq = 0;
  private empSubscription: EmpSubscription | null = null;
  private lmsSubscription: MessageSubscription | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private disconnected = false;

  override connectedCallback(): void {
    this.disconnected = false;
    this.loadSettings();
    this.reload();
    this.subscribeToScoring();
    this.subscribeToDecisions();
  }

  override renderedCallback(): void {
    if (!this.stopObservingWidth) {
      const container = this.template?.querySelector('[data-id="table-container"]');
      if (container) {
        this.stopObservingWidth = observeWidth(container, (width) => {
          this.tableWidth = width;
          this.updateColumns();
        });
      }
    }
  }

  /** Re-chooses the columns for the measured width; keeps the same array when nothing changes. */
  private updateColumns(): void {
    const keys = columnsForWidth(this.tableWidth, this.showTierFilter);
    const signature = keys.join(',');
    if (signature === this.columnKeys) return;
    this.columnKeys = signature;
    this.columns = buildColumns(keys);
  }

  override disconnectedCallback(): void {
    this.disconnected = true;
    this.stopObservingWidth?.();
    this.stopObservingWidth = null;
    if (this.refreshTimer) {
      globalThis.clearTimeout(this.refreshTimer);
      this.refreshTimer = null;
    }
    if (this.empSubscription) {
      empUnsubscribe(this.empSubscription);
      this.empSubscription = null;
    }
    lmsUnsubscribe(this.lmsSubscription);
    this.lmsSubscription = null;
  }

  // ------------------------------------------------------------ data

  private async loadSettings(): Promise<void> {
    try {
      this.settings = await getConsoleSettings();
      this.settingsError = null;
      this.updateColumns();
    } catch (e) {
      this.settingsError = e;
    }
  }

  private buildQuery(cursor: string | null, pageSize: number): DealReviewQueueQuery {
    const f = this.filters;
    return {
      triage: f.triage ? [f.triage] : [],
      regions: f.region ? [f.region] : [],
      partnerTiers: f.tier ? [f.tier] : [],
      valueBands: f.band ? [f.band] : [],
      overdueOnly: f.overdueOnly,
      sortBy: this.sortedBy,
      sortDirection: this.sortedDirection,
      pageSize,
      cursor
    };
  }

  /** First page for the current filters and sort; the list is replaced. */
  async reload(): Promise<void> {
    const seq = ++this.requestSeq;
    this.loading = true;
    try {
      const page = await getQueue({ query: this.buildQuery(null, PAGE_SIZE) });
      if (seq !== this.requestSeq || this.disconnected) return;
      this.applyPage(page, false);
      this.error = null;
    } catch (e) {
      if (seq !== this.requestSeq) return;
      this.error = e;
      this.rows = [];
      this.totalCount = 0;
      this.hasMore = false;
    } finally {
      if (seq === this.requestSeq) {
        this.loading = false;
        this.loadedOnce = true;
      }
    }
  }

  /** The next page, appended. */
  async loadMore(): Promise<void> {
    if (!this.hasMore || this.loadingMore || this.loading || !this.nextCursor) return;
    const seq = this.requestSeq;
    this.loadingMore = true;
    try {
      const page = await getQueue({ query: this.buildQuery(this.nextCursor, PAGE_SIZE) });
      if (seq !== this.requestSeq || this.disconnected) return;
      this.applyPage(page, true);
      this.error = null;
    } catch (e) {
      if (seq === this.requestSeq) this.error = e;
    } finally {
      this.loadingMore = false;
    }
  }

  /**
   * Re-reads as many rows as are loaded now, in place: the same array positions are updated, the
   * selection is kept and the table is never unmounted, so the manager's scroll position stays.
   */
  async refreshInPlace(): Promise<void> {
    const seq = ++this.requestSeq;
    const wanted = Math.max(this.rows.length, PAGE_SIZE);
    try {
      const page = await this.collect(seq, wanted, null, []);
      if (!page) return;
      this.applyPage(page, false);
      this.error = null;
      this.statusMessage = LABELS.Queue_Updated;
    } catch (e) {
      if (seq === this.requestSeq) this.error = e;
    }
  }

  /** Reads pages one after another until `wanted` rows are collected or the queue ends. */
  private async collect(
    seq: number,
    wanted: number,
    cursor: string | null,
    collected: DealReviewQueueRow[]
  ): Promise<DealReviewQueuePage | null> {
    const size = Math.min(MAX_PAGE_SIZE, wanted - collected.length);
    const page = await getQueue({ query: this.buildQuery(cursor, size) });
    if (seq !== this.requestSeq || this.disconnected) return null;
    const rows = [...collected, ...(page.rows ?? [])];
    const next = page.hasMore ? (page.nextCursor ?? null) : null;
    if (next && rows.length < wanted) return this.collect(seq, wanted, next, rows);
    return { ...page, rows };
  }

  private applyPage(page: DealReviewQueuePage, append: boolean): void {
    const views = (page.rows ?? []).map((r) => this.toView(r));
    this.rows = append ? [...this.rows, ...views] : views;
    this.totalCount = page.totalCount ?? this.rows.length;
    this.hasMore = page.hasMore === true && !!page.nextCursor;
    this.nextCursor = page.nextCursor ?? null;
  }

  private toView(r: DealReviewQueueRow): RowView {
    return {
      ...r,
      statusText: r.partnerAnswered ? format(LABELS.Partner_Answered, r.status) : r.status,
      statusClass: statusBadgeClass(r.status),
      triageLabel: labelOf('Triage', r.triage, LABELS.Not_Scored),
      triageClass: triageBadgeClass(r.triage),
      tierLabel: labelOf('Tier', r.partnerTier),
      ageText: formatDuration(r.ageHours),
      ageClass: r.overdue ? 'slds-text-color_error slds-text-title_bold' : '',
      ageIcon: r.overdue ? 'utility:warning' : null,
      ageIconText: r.overdue ? LABELS.Overdue : ''
    };
  }

  // ------------------------------------------------------------ live refresh

  private async subscribeToScoring(): Promise<void> {
    try {
      empOnError(() => {
        this.liveUnavailable = true;
      });
      this.empSubscription = await empSubscribe(SCORED_CHANNEL, -1, () => this.scheduleRefresh());
      if (this.disconnected && this.empSubscription) {
        empUnsubscribe(this.empSubscription);
        this.empSubscription = null;
      }
    } catch {
      this.liveUnavailable = true;
    }
  }

  private subscribeToDecisions(): void {
    if (this.lmsSubscription) return;
    this.lmsSubscription = lmsSubscribe(this.messageContext, DEAL_SELECTION, (message) => {
      // The score card announces a decision on the same channel; the queue's own selections are ignored.
      if (message && message.decision) this.scheduleRefresh();
    });
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) globalThis.clearTimeout(this.refreshTimer);
    this.refreshTimer = globalThis.setTimeout(() => {
      this.refreshTimer = null;
      this.refreshInPlace();
    }, REFRESH_DEBOUNCE_MS);
  }

  // ------------------------------------------------------------ view

  get showTierFilter(): boolean {
    return this.settings?.partnerTierAvailable === true;
  }

  get triageOptions(): Option[] {
    return [
      { label: LABELS.Filter_All, value: '' },
      ...TRIAGE.map((v) => ({
        label: labelOf('Triage', v),
        value: v
      }))
    ];
  }

  get regionOptions(): Option[] {
    return [{ label: LABELS.Filter_All, value: '' }, ...REGIONS.map((v) => ({ label: v, value: v }))];
  }

  get tierOptions(): Option[] {
    return [
      { label: LABELS.Filter_All, value: '' },
      ...TIERS.map((v) => ({ label: labelOf('Tier', v), value: v }))
    ];
  }

  get bandOptions(): Option[] {
    const small = formatNumber(this.settings?.smallDealLimit ?? 50000);
    const high = formatNumber(this.settings?.highValueAmount ?? SETTING_DEFAULTS.highValueAmount);
    return [
      { label: LABELS.Filter_All, value: '' },
      { label: format(LABELS.Band_SMALL, small), value: 'SMALL' },
      { label: format(LABELS.Band_MEDIUM, small, high), value: 'MEDIUM' },
      { label: format(LABELS.Band_LARGE, high), value: 'LARGE' }
    ];
  }

  get isEmpty(): boolean {
    return this.loadedOnce && !this.loading && !this.error && this.rows.length === 0;
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get countText(): string {
    return format(LABELS.Queue_Count, this.rows.length, this.totalCount);
  }

  get showLoadMore(): boolean {
    return this.hasMore && !this.loading;
  }

  get anyError(): unknown {
    return this.error ?? this.settingsError;
  }

  // ------------------------------------------------------------ handlers

  handleFilterChange(event: CustomEvent<{ value: string; checked?: boolean }>): void {
    const name = (event.target as HTMLElement).dataset.filter as keyof Filters | undefined;
    if (!name) return;
    const value = name === 'overdueOnly' ? event.detail.checked === true : String(event.detail.value ?? '');
    this.filters = { ...this.filters, [name]: value };
    this.reload();
  }

  handleSort(event: CustomEvent<{ fieldName: string; sortDirection: SortDirection }>): void {
    const { fieldName, sortDirection } = event.detail;
    if (!SORTABLE.has(fieldName)) return;
    this.sortedBy = fieldName;
    this.sortedDirection = sortDirection;
    this.reload();
  }

  handleRowSelection(event: CustomEvent<{ selectedRows: DealReviewQueueRow[] }>): void {
    const rows = event.detail.selectedRows ?? [];
    if (rows.length > 0) this.select(rows[0].id);
  }

  handleRowAction(event: CustomEvent<{ action: { name: string }; row: DealReviewQueueRow }>): void {
    if (event.detail.action.name === 'select') this.select(event.detail.row.id);
  }

  handleLoadMore(): void {
    this.loadMore();
  }

  handleRefresh(): void {
    this.refreshInPlace();
  }

  private select(id: string): void {
    if (this.selectedId === id) return;
    this.selectedId = id;
    this.selectedRows = [id];
    publish(this.messageContext, DEAL_SELECTION, { recordId: id });
  }
}

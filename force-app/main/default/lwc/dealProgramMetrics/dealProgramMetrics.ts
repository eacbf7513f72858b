import { LightningElement } from 'lwc';
import getMetrics from '@salesforce/apex/DealMetricsController.getMetrics';
import { formatLabel as format, formatPercent, labelOf as labelOfIn } from 'c/dealFormat';
import { LABELS } from './labels';

/** Periods the controller accepts. */
export const PERIODS = [30, 90] as const;

interface Tile {
  key: string;
  label: string;
  value: string;
  detail: string;
  empty: boolean;
}

interface Chart {
  key: string;
  heading: string;
  headingId: string;
  tableId: string;
  emptyId: string;
  emptyText: string;
  rowHeader: string;
  caption: string;
  hasData: boolean;
  bars: Bar[];
}

interface Bar {
  key: string;
  label: string;
  count: number;
  style: string;
  barClass: string;
}

function percent(rate: number | null | undefined): string {
  return formatPercent(rate, LABELS.No_Data);
}

function labelOf(prefix: string, value: string): string {
  return labelOfIn(LABELS, prefix, value);
}

/**
 * Program metrics for channel managers: approval rate, median time to decision, AI agreement and
 * override rate, conflict rate, auto-approval rate in live mode, and the backlog by age as a small
 * bar chart (a table with proportional bars, so screen readers get the numbers), for 30 or 90 days.
 */
export default class DealProgramMetrics extends LightningElement {
  labels = LABELS;
  days: number = PERIODS[0];
  metrics: DealMetricsResult | null = null;
  loading = false;
  error: unknown = null;
  private seq = 0;

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const result = await getMetrics({ days: this.days });
      if (seq !== this.seq) return;
      this.metrics = result;
      this.error = null;
    } catch (e) {
      if (seq !== this.seq) return;
      this.metrics = null;
      this.error = e;
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  get periodOptions(): { label: string; value: string }[] {
    return [
      { label: LABELS.Last_30, value: '30' },
      { label: LABELS.Last_90, value: '90' }
    ];
  }

  get periodValue(): string {
    return String(this.days);
  }

  get tiles(): Tile[] {
    const m = this.metrics;
    if (!m) return [];
    const median =
      m.medianHoursToDecision === null || m.medianHoursToDecision === undefined
        ? LABELS.No_Data
        : format(LABELS.Hours, m.medianHoursToDecision);
    const agreed = m.reviewedRecommendations - m.overriddenCount;
    // In shadow mode nothing is auto-approved: the note under the tiles says so once.
    const autoDetail =
      m.liveRecommendations === 0 && m.shadowMode
        ? ''
        : format(LABELS.Of_Count, m.autoApprovedCount, m.liveRecommendations);
    const tiles: Omit<Tile, 'empty'>[] = [
      {
        key: 'approval',
        label: LABELS.Metric_Approval,
        value: percent(m.approvalRate),
        detail: format(LABELS.Of_Count, m.approvedCount, m.decidedCount)
      },
      {
        key: 'median',
        label: LABELS.Metric_Median,
        value: median,
        detail: m.medianSampled ? format(LABELS.Median_Sampled, m.medianSampleSize) : ''
      },
      {
        key: 'agreement',
        label: LABELS.Metric_Agreement,
        value: percent(m.agreementRate),
        detail: format(LABELS.Of_Count, agreed, m.reviewedRecommendations)
      },
      {
        key: 'override',
        label: LABELS.Metric_Override,
        value: percent(m.overrideRate),
        detail: format(LABELS.Of_Count, m.overriddenCount, m.reviewedRecommendations)
      },
      {
        key: 'conflict',
        label: LABELS.Metric_Conflict,
        value: percent(m.conflictRate),
        detail: format(LABELS.Of_Count, m.conflictCount, m.submittedCount)
      },
      {
        key: 'auto',
        label: LABELS.Metric_Auto,
        value: percent(m.autoApprovalRate),
        detail: autoDetail
      }
    ];
    // A tile with no value says "No data" once, without a "0 of 0" under it.
    return tiles.map((t) => {
      const empty = t.value === LABELS.No_Data;
      return { ...t, detail: empty ? '' : t.detail, empty };
    });
  }

  private bars(buckets: DealMetricsBucket[], prefix: string, overSlaClass: boolean): Bar[] {
    const max = Math.max(1, ...buckets.map((b) => b.count));
    return buckets.map((b) => ({
      key: b.key,
      label: labelOf(prefix, b.key),
      count: b.count,
      style: `width: ${Math.round((b.count / max) * 100)}%`,
      barClass: `bar ${overSlaClass && b.overSla ? 'bar_over-sla' : 'bar_ok'}`
    }));
  }

  /** The two bar charts (backlog by age, triage mix), drawn by one template loop. */
  get charts(): Chart[] {
    const m = this.metrics;
    return [
      {
        key: 'backlog',
        heading: LABELS.Backlog,
        headingId: 'backlog-heading',
        tableId: 'backlog-chart',
        emptyId: 'backlog-empty',
        emptyText: LABELS.Backlog_Empty,
        rowHeader: LABELS.Chart_Bucket,
        caption: m ? format(LABELS.Backlog_Total, m.backlogTotal, m.overdueCount) : '',
        hasData: (m?.backlogTotal ?? 0) > 0,
        bars: this.bars(m?.backlog ?? [], 'Bucket', true)
      },
      {
        key: 'triage',
        heading: LABELS.Triage_Mix,
        headingId: 'triage-heading',
        tableId: 'triage-chart',
        emptyId: 'triage-empty',
        emptyText: LABELS.No_Data,
        rowHeader: LABELS.Triage_Mix,
        caption: '',
        hasData: (m?.triage ?? []).some((b) => b.count > 0),
        bars: this.bars(m?.triage ?? [], 'Triage', false)
      }
    ];
  }

  get showShadowNote(): boolean {
    return this.metrics?.shadowMode === true;
  }

  /** Nothing happened in the period: one empty state instead of tiles and charts of "No data". */
  get isEmptyPeriod(): boolean {
    const m = this.metrics;
    return !!m && m.submittedCount === 0 && m.decidedCount === 0 && (m.backlogTotal ?? 0) === 0;
  }

  get showFigures(): boolean {
    return !!this.metrics && !this.isEmptyPeriod;
  }

  get emptyText(): string {
    return format(LABELS.Empty_Period, this.days);
  }

  handlePeriodChange(event: CustomEvent<{ value: string }>): void {
    const days = Number(event.detail.value);
    if (!(PERIODS as readonly number[]).includes(days) || days === this.days) return;
    this.days = days;
    this.load();
  }

  handleRefresh(): void {
    this.load();
  }
}

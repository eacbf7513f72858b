import { LightningElement } from 'lwc';
import getForecast from '@salesforce/apex/ChannelForecastController.getForecast';
import runForecast from '@salesforce/apex/ChannelForecastController.runForecast';
import { formatDate, formatLabel as format, formatMoney } from 'c/dealFormat';
import { LABELS } from './labels';

/** The chart's drawing box (SVG user units; the SVG scales to the card's width). */
export const CHART = { width: 640, height: 240, left: 72, right: 16, top: 16, bottom: 40 } as const;

interface Column {
  key: string;
  label: string;
  x: number;
  width: number;
  labelX: number;
  medianX2: number;
  bandY: number;
  bandHeight: number;
  p50Y: number;
  hasStage: boolean;
  stageY: number;
  hasActual: boolean;
  actualX: number;
  actualY: number;
  bandClass: string;
}

interface Tick {
  key: string;
  y: number;
  textY: number;
  text: string;
}

interface Row {
  key: string;
  quarter: string;
  p10: string;
  p50: string;
  p90: string;
  registered: string;
  notYetRegistered: string;
  closedToDate: string;
  stageProbability: string;
  lastYear: string;
}

const n = (v: number | null | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The channel forecast for channel managers: each quarter's P10-P90 band and P50 as a hand-drawn SVG
 * (a table with the same numbers follows it for screen readers), the drivers and segments of the
 * current quarter, the insights by audience, and last quarter's forecast against what closed.
 * Reads ChannelForecastController.getForecast; "Run forecast now" starts the batch.
 */
export default class ChannelForecast extends LightningElement {
  labels = LABELS;
  view: ChannelForecastView | null = null;
  loading = false;
  running = false;
  notice = '';
  error: unknown = null;

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.view = await getForecast();
      this.error = null;
    } catch (e) {
      this.view = null;
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  handleRefresh(): void {
    this.load();
  }

  async handleRun(): Promise<void> {
    this.running = true;
    try {
      await runForecast();
      this.notice = LABELS.Run_Started;
      this.error = null;
    } catch (e) {
      this.error = e;
    } finally {
      this.running = false;
    }
  }

  private money(v: number | null | undefined): string {
    return v === null || v === undefined ? '' : formatMoney(v, this.view?.currencyCode);
  }

  get hasForecast(): boolean {
    return !!this.view && this.view.quarters.length > 0;
  }

  get isEmpty(): boolean {
    return !!this.view && this.view.quarters.length === 0 && !this.error;
  }

  get asOfText(): string {
    const v = this.view;
    return v ? format(LABELS.As_Of, formatDate(v.asOf), v.currencyCode, v.modelVersion) : '';
  }

  private get scaleMax(): number {
    const v = this.view;
    if (!v) return 1;
    const values = v.quarters.flatMap((q) => [n(q.p90), n(q.stageProbability), n(q.lastYear)]);
    if (v.lastQuarter) values.push(n(v.lastQuarter.p90), n(v.lastQuarter.actual));
    const max = Math.max(1, ...values);
    // A round top: 1, 2 or 5 times a power of ten.
    const p = 10 ** Math.floor(Math.log10(max));
    return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= max) ?? max;
  }

  private y(value: number | null | undefined): number {
    const h = CHART.height - CHART.top - CHART.bottom;
    return CHART.top + h - (n(value) / this.scaleMax) * h;
  }

  get ticks(): Tick[] {
    return [0, 0.25, 0.5, 0.75, 1].map((f) => {
      const y = this.y(f * this.scaleMax);
      return { key: String(f), y, textY: y + 4, text: this.money(f * this.scaleMax) };
    });
  }

  /** Last quarter (forecast against actual) first, then the forecast quarters. */
  get columns(): Column[] {
    const v = this.view;
    if (!v) return [];
    const items: {
      key: string;
      label: string;
      p10?: number | null;
      p50?: number | null;
      p90?: number | null;
      stage?: number | null;
      actual?: number | null;
      past: boolean;
    }[] = [];
    if (v.lastQuarter)
      items.push({
        key: `last-${v.lastQuarter.id}`,
        label: v.lastQuarter.id,
        p10: v.lastQuarter.p10,
        p50: v.lastQuarter.p50,
        p90: v.lastQuarter.p90,
        actual: v.lastQuarter.actual,
        past: true
      });
    for (const q of v.quarters)
      items.push({
        key: q.id,
        label: q.id,
        p10: q.p10,
        p50: q.p50,
        p90: q.p90,
        stage: q.stageProbability,
        past: false
      });
    const slot = (CHART.width - CHART.left - CHART.right) / Math.max(1, items.length);
    const width = Math.min(90, slot * 0.5);
    return items.map((it, i) => {
      const x = CHART.left + slot * i + (slot - width) / 2;
      const top = this.y(it.p90);
      return {
        key: it.key,
        label: it.label,
        x,
        width,
        labelX: x + width / 2,
        medianX2: x + width,
        bandY: top,
        bandHeight: Math.max(1, this.y(it.p10) - top),
        p50Y: this.y(it.p50),
        hasStage: typeof it.stage === 'number',
        stageY: this.y(it.stage),
        hasActual: typeof it.actual === 'number',
        actualX: x + width / 2,
        actualY: this.y(it.actual),
        bandClass: it.past ? 'band band_past' : 'band'
      };
    });
  }

  get chartSummary(): string {
    const v = this.view;
    if (!v) return '';
    return [
      LABELS.Chart_Title,
      ...v.quarters.map((q) =>
        format(LABELS.Chart_Summary, q.id, this.money(q.p50), this.money(q.p10), this.money(q.p90))
      )
    ].join(' ');
  }

  get rows(): Row[] {
    return (this.view?.quarters ?? []).map((q) => ({
      key: q.id,
      quarter: q.id,
      p10: this.money(q.p10),
      p50: this.money(q.p50),
      p90: this.money(q.p90),
      registered: this.money(q.registered),
      notYetRegistered:
        q.notYetRegistered === null || q.notYetRegistered === undefined
          ? LABELS.Not_Enough
          : this.money(q.notYetRegistered),
      closedToDate: this.money(q.closedToDate),
      stageProbability: this.money(q.stageProbability),
      lastYear: this.money(q.lastYear)
    }));
  }

  private get current(): ChannelForecastQuarter | undefined {
    return this.view?.quarters[0];
  }

  get driversHeading(): string {
    return format(LABELS.Drivers, this.current?.id ?? '');
  }

  get drivers(): { key: string; label: string; amount: string; tone: string }[] {
    return (this.current?.drivers ?? []).map((d) => ({
      key: d.code,
      label: d.label,
      amount: this.money(d.amount),
      tone: n(d.amount) < 0 ? 'slds-text-color_error' : ''
    }));
  }

  get segmentsHeading(): string {
    return format(LABELS.Segments, this.current?.id ?? '');
  }

  get segments(): {
    key: string;
    label: string;
    p10: string;
    p50: string;
    p90: string;
    openDeals: string;
    note: string;
  }[] {
    return (this.current?.segments ?? []).map((s) => ({
      key: `${s.kind}-${s.key}`,
      label: s.label,
      p10: this.money(s.p10),
      p50: this.money(s.p50),
      p90: this.money(s.p90),
      openDeals: String(n(s.openDeals)),
      note: s.history === 'NOT_ENOUGH' ? LABELS.Not_Enough : ''
    }));
  }

  private insightsFor(audience: string): { key: string; text: string; badge: string; severity: string }[] {
    return (this.view?.insights ?? [])
      .filter((i) => i.audience === audience)
      .map((i, idx) => ({
        key: `${audience}-${idx}`,
        text: i.text,
        severity: i.severity,
        badge:
          i.severity === 'RISK'
            ? 'slds-badge slds-theme_error'
            : i.severity === 'WARNING'
              ? 'slds-badge slds-theme_warning'
              : 'slds-badge'
      }));
  }

  get managerInsights() {
    return this.insightsFor('MANAGER_ONLY');
  }

  get partnerInsights() {
    return this.insightsFor('PARTNER_SAFE');
  }

  get hasManagerInsights(): boolean {
    return this.managerInsights.length > 0;
  }

  get hasPartnerInsights(): boolean {
    return this.partnerInsights.length > 0;
  }

  get lastQuarterText(): string {
    const l = this.view?.lastQuarter;
    if (!l) return LABELS.No_Last_Quarter;
    const inside = n(l.actual) >= n(l.p10) && n(l.actual) <= n(l.p90);
    return `${format(
      LABELS.Last_Quarter_Text,
      l.id,
      formatDate(l.forecastOn),
      this.money(l.p50),
      this.money(l.p10),
      this.money(l.p90),
      this.money(l.actual)
    )} ${inside ? LABELS.Inside_Band : LABELS.Outside_Band}`;
  }
}

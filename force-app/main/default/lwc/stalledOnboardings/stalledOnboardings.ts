import { LightningElement } from 'lwc';
import getStalledOnboardings from '@salesforce/apex/PartnerConsoleController.getStalledOnboardings';
import { formatDate, formatLabel } from 'c/dealFormat';
import { LABELS } from './labels';

interface StalledView {
  id: string;
  accountName: string;
  partnerType: string;
  progress: string;
  nextStep: string;
  due: string;
  overdueText: string;
  managerName: string;
}

/** Onboardings with a step past its due date, most overdue first, for channel managers. */
export default class StalledOnboardings extends LightningElement {
  labels = LABELS;
  rows: PartnerStalledRow[] = [];
  error: unknown = null;
  loading = false;

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.rows = await getStalledOnboardings();
      this.error = null;
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  get views(): StalledView[] {
    return this.rows.map((r) => ({
      id: r.id,
      accountName: r.accountName ?? r.accountId,
      partnerType: r.partnerType ?? '',
      progress: `${Math.round(r.percentComplete ?? 0)}%`,
      nextStep: r.nextStep ?? '',
      due: formatDate(r.nextDueOn),
      overdueText: formatLabel(LABELS.Days_Overdue, r.daysOverdue),
      managerName: r.managerName ?? ''
    }));
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && this.rows.length === 0;
  }

  handleRefresh(): void {
    this.load();
  }
}

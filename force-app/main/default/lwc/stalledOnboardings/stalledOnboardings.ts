import { LightningElement } from 'lwc';
import getStalledOnboardings from '@salesforce/apex/PartnerConsoleController.getStalledOnboardings';
import completeManagerStep from '@salesforce/apex/PartnerConsoleController.completeManagerStep';
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
  managerStepKey: string;
  managerStepText: string;
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
      managerName: r.managerName ?? '',
      managerStepKey: r.managerStepKey ?? '',
      managerStepText: r.managerStepTitle ? formatLabel(LABELS.Complete_Manager_Step, r.managerStepTitle) : ''
    }));
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && this.rows.length === 0;
  }

  savedMessage = '';
  saving = false;

  async handleManagerStep(event: Event): Promise<void> {
    const target = event.currentTarget as HTMLElement;
    const onboardingId = target.dataset.onboardingId ?? '';
    const stepKey = target.dataset.stepKey ?? '';
    this.saving = true;
    this.savedMessage = '';
    try {
      this.rows = await completeManagerStep({ onboardingId, stepKey, evidence: null });
      this.savedMessage = LABELS.Step_Saved;
      this.error = null;
    } catch (e) {
      this.error = e;
    } finally {
      this.saving = false;
    }
  }

  handleRefresh(): void {
    this.savedMessage = '';
    this.load();
  }
}

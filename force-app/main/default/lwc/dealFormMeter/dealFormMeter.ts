import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/dealFields';
import { formatLabel } from 'c/dealFormat';
import { nextInstanceId } from 'c/dealPortalUtils';

export interface MeterItem {
  key: string;
  text: string;
  required: boolean;
}

/**
 * The registration form's completeness meter: how complete the draft is by the scoring function's
 * pre-check, and what is missing, each field named once (the fields carry their own help). Shows the
 * last answer while a newer check runs, and says so when the check is unavailable. Display only.
 */
export default class DealFormMeter extends LightningElement {
  static override renderMode = 'light' as const;

  labels = LABELS;
  readonly headingId = nextInstanceId('drf-meter');

  /** idle | checking | ready | ready-checking | unavailable */
  @api state = 'idle';
  @api completeness = 0;
  @api items: MeterItem[] = [];

  get available(): boolean {
    return this.state === 'ready' || this.state === 'ready-checking';
  }

  get unavailable(): boolean {
    return this.state === 'unavailable';
  }

  get checking(): boolean {
    return this.state === 'checking' || this.state === 'ready-checking';
  }

  get valueText(): string {
    return formatLabel(LABELS.Meter_Value, this.completeness);
  }

  get barStyle(): string {
    return `width: ${this.completeness}%`;
  }

  get barClass(): string {
    const tone = this.completeness >= 80 ? 'success' : this.completeness >= 50 ? 'warning' : 'error';
    return `slds-progress-bar__value slds-theme_${tone}`;
  }

  get hasItems(): boolean {
    return (this.items ?? []).length > 0;
  }

  get allGood(): boolean {
    return this.available && !this.hasItems;
  }
}

import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/dealFields';

/**
 * Likely duplicates of the registration being typed. As a notice (`asking` false) it lists what the
 * pre-check found while the partner types. As the question the form asks on submit (`asking` true)
 * it adds "Review" (event `review`) and "Submit anyway" (event `submitanyway`); the form then hides
 * its own buttons, so there is one submit button on screen.
 */
export default class DealDuplicateWarning extends LightningElement {
  static override renderMode = 'light' as const;

  labels = LABELS;

  @api items: { key: string; text: string }[] = [];
  @api busy = false;
  /** Ask before submitting (with buttons) rather than only inform. */
  @api asking = false;

  get alertClass(): string {
    return this.asking
      ? 'slds-notify slds-notify_alert slds-alert_warning slds-m-top_small'
      : 'slds-box slds-box_x-small slds-theme_warning slds-m-top_small';
  }

  get role(): string {
    return this.asking ? 'alert' : 'status';
  }

  handleReview(): void {
    this.dispatchEvent(new CustomEvent('review'));
  }

  handleSubmitAnyway(): void {
    this.dispatchEvent(new CustomEvent('submitanyway'));
  }
}

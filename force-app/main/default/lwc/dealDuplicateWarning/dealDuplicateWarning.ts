import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/dealFields';

/**
 * The question the registration form asks before submitting a registration that looks like one
 * already made: the matches, "Review" (event `review`) or "Submit anyway" (event `submitanyway`).
 * While it shows, the form hides its own buttons, so there is one submit button on screen.
 */
export default class DealDuplicateWarning extends LightningElement {
  static override renderMode = 'light' as const;

  labels = LABELS;

  @api items: { key: string; text: string }[] = [];
  @api busy = false;

  handleReview(): void {
    this.dispatchEvent(new CustomEvent('review'));
  }

  handleSubmitAnyway(): void {
    this.dispatchEvent(new CustomEvent('submitanyway'));
  }
}

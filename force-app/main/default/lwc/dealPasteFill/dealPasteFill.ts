import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/dealFields';
import { nextInstanceId } from 'c/dealPortalUtils';

/**
 * Paste-to-fill panel of the registration form: the partner pastes an email or notes and asks to
 * fill the form. It keeps only the pasted text; the parent reads it from the `fill` event
 * ({ text }), calls the parser and passes back `busy` and the resulting `message`.
 */
export default class DealPasteFill extends LightningElement {
  static override renderMode = 'light' as const;

  labels = LABELS;
  readonly headingId = nextInstanceId('drf-paste');
  text = '';

  @api busy = false;
  @api message: string | undefined;
  /** The message says the parser could not be reached (shown as an error). */
  @api unavailable = false;

  get buttonDisabled(): boolean {
    return this.busy || !this.text.trim();
  }

  get messageClass(): string {
    return this.unavailable ? 'slds-text-color_error slds-m-top_x-small' : 'slds-m-top_x-small';
  }

  handleTextChange(event: CustomEvent<{ value?: string }>): void {
    this.text = event.detail?.value ?? '';
  }

  handleFill(): void {
    const text = this.text.trim();
    if (!text || this.busy) return;
    this.dispatchEvent(new CustomEvent('fill', { detail: { text } }));
  }
}

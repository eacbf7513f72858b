import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import DEFAULT_TITLE from '@salesforce/label/c.DR_Portal_Error_Title';

/**
 * One error panel for the portal: give it whatever an Apex call or wire adapter failed with and it
 * shows plain messages (through reduceErrors) in an SLDS alert that screen readers announce.
 */
export default class ErrorPanel extends LightningElement {
  /** Light DOM: the page's SLDS styles reach it in LWR sites (native shadow) as in Aura and Lightning pages. */
  static override renderMode = 'light' as const;

  /** The error(s): an Apex/wire error, a JavaScript Error, a string or an array of those. */
  @api errors: unknown;
  /** Heading above the messages; a generic one from the labels when empty. */
  @api friendlyMessage: string | undefined;

  get messages(): string[] {
    return reduceErrors(this.errors);
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }

  get heading(): string {
    return this.friendlyMessage && this.friendlyMessage.trim() ? this.friendlyMessage : DEFAULT_TITLE;
  }

  get messageItems(): { key: string; text: string }[] {
    return this.messages.map((text, index) => ({ key: `m${index}`, text }));
  }
}

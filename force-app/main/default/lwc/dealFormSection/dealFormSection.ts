import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/dealFields';

/** One field as the parent form prepares it (c-deal-registration-form's FieldView). */
export interface SectionField {
  key: string;
  label: string;
  help: string;
  placeholder: string;
  value: string | number | null | undefined;
  required: boolean;
  isTextarea: boolean;
  isCombobox: boolean;
  isInput: boolean;
  inputType: string;
  step: string | undefined;
  min: string | undefined;
  maxLength: number | undefined;
  options: { label: string; value: string }[];
  error: string | undefined;
  filledNote: string | undefined;
  question: string | undefined;
  wrapperClass: string;
}

export interface SectionModel {
  key: string;
  headingId: string;
  title: string;
  description: string;
  fields: SectionField[];
}

interface ValidatedInput extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

/**
 * One section of the registration form (customer, opportunity, contact, notes): its heading, its
 * fields aligned with the heading, and whatever the parent puts in the default slot below them.
 * It holds no state: every change goes to the parent as a `fieldchange` event ({ key, value }), and
 * each field's error (from the parent) is set on the field itself, so the base component draws the
 * red border and ties the message to the input (aria-invalid, aria-describedby).
 */
export default class DealFormSection extends LightningElement {
  static override renderMode = 'light' as const;

  labels = LABELS;

  @api section: SectionModel | undefined;
  /** Two columns when the form's own box is wide enough (the parent measures it). */
  @api twoColumns = false;

  /** The error each field shows now, so a field is re-validated only when its error changes. */
  private shownErrors = new Map<string, string>();

  get fields(): SectionField[] {
    return this.section?.fields ?? [];
  }

  get gridClass(): string {
    return this.twoColumns ? 'fields fields_two-columns' : 'fields';
  }

  override renderedCallback(): void {
    this.fields.forEach((field) => {
      const error = field.error ?? '';
      const shown = this.shownErrors.get(field.key) ?? '';
      if (shown === error) return;
      this.shownErrors.set(field.key, error);
      const input = this.querySelector<ValidatedInput>(`[data-field="${field.key}"]`);
      if (!input || typeof input.setCustomValidity !== 'function') return;
      input.setCustomValidity(error);
      // Shown at once and removed at once (as the partner types the fix), never on blur: a message
      // changing on blur moves the buttons below between mouse-down and mouse-up.
      input.reportValidity();
    });
  }

  handleChange(event: CustomEvent<{ value?: unknown }>): void {
    const key = (event.target as HTMLElement).dataset.field;
    if (!key) return;
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('fieldchange', { detail: { key, value: event.detail?.value } }));
  }
}

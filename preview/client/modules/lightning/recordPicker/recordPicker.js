// Stand-in for lightning-record-picker (not in the npm base components): a combobox of the preview
// org's users with the same contract — `change` with detail { recordId }, checkValidity(),
// reportValidity(), setCustomValidity().
import { LightningElement, api } from 'lwc';

export default class RecordPicker extends LightningElement {
  @api label = '';
  @api objectApiName = 'User';
  @api placeholder = 'Search…';
  @api required = false;
  @api disabled = false;
  @api variant;
  options = [];
  selected = '';

  @api
  get value() {
    return this.selected;
  }
  set value(v) {
    this.selected = v || '';
  }

  connectedCallback() {
    fetch(`/preview/records/${encodeURIComponent(this.objectApiName)}`)
      .then((r) => r.json())
      .then((records) => {
        this.options = records.map((r) => ({ label: r.name, value: r.id }));
      })
      .catch(() => {
        this.options = [];
      });
  }

  get box() {
    return this.template.querySelector('lightning-combobox');
  }

  handleChange(event) {
    event.stopPropagation();
    this.selected = event.detail.value;
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId: this.selected || null } }));
  }

  @api checkValidity() {
    return this.box ? this.box.checkValidity() : !this.required || !!this.selected;
  }
  @api reportValidity() {
    return this.box ? this.box.reportValidity() : this.checkValidity();
  }
  @api setCustomValidity(message) {
    if (this.box) this.box.setCustomValidity(message);
  }
  @api focus() {
    if (this.box) this.box.focus();
  }
}

import {
  flushPromises,
  mountElement,
  clearDom,
  changeValue
} from '../../../../../test/jest-utils/lwcTestUtils';
import DealFormSection from 'c/dealFormSection';

function fieldView(overrides) {
  return {
    key: 'contactEmail',
    label: 'Contact email',
    help: 'Business address',
    placeholder: '',
    value: null,
    required: true,
    isTextarea: false,
    isCombobox: false,
    isInput: true,
    inputType: 'email',
    step: undefined,
    min: undefined,
    maxLength: 80,
    options: [],
    error: undefined,
    filledNote: undefined,
    question: undefined,
    wrapperClass: 'field',
    ...overrides
  };
}

function section(fields) {
  return { key: 'contact', headingId: 's-contact', title: 'Contact', description: 'Who to talk to', fields };
}

describe('c-deal-form-section', () => {
  afterEach(clearDom);

  it('reports every change to the parent as a fieldchange event', async () => {
    const element = mountElement('c-deal-form-section', DealFormSection, { section: section([fieldView()]) });
    const changes = [];
    element.addEventListener('fieldchange', (e) => changes.push(e.detail));
    await flushPromises(2);
    changeValue(element.querySelector('[data-field="contactEmail"]'), 'jane@acme.com');
    expect(changes).toEqual([{ key: 'contactEmail', value: 'jane@acme.com' }]);
  });

  it('puts an error on the field itself (red border, tied to the input) and clears it', async () => {
    const element = mountElement('c-deal-form-section', DealFormSection, { section: section([fieldView()]) });
    await flushPromises(2);
    const input = element.querySelector('[data-field="contactEmail"]');
    const setCustomValidity = jest.spyOn(input, 'setCustomValidity');
    const reportValidity = jest.spyOn(input, 'reportValidity');
    element.section = section([fieldView({ error: 'Enter a valid email' })]);
    await flushPromises(2);
    expect(setCustomValidity).toHaveBeenLastCalledWith('Enter a valid email');
    expect(reportValidity).toHaveBeenCalledTimes(1);
    element.section = section([fieldView({ error: undefined })]);
    await flushPromises(2);
    expect(setCustomValidity).toHaveBeenLastCalledWith('');
    expect(reportValidity).toHaveBeenCalledTimes(2); // removed at once, not on blur
  });

  it('lays fields out in two columns only when told the form is wide, wide fields spanning both', async () => {
    const element = mountElement('c-deal-form-section', DealFormSection, {
      section: section([
        fieldView(),
        fieldView({ key: 'description', isInput: false, isTextarea: true, wrapperClass: 'field field_wide' })
      ])
    });
    await flushPromises(2);
    expect(element.querySelector('.fields').className).not.toContain('fields_two-columns');
    element.twoColumns = true;
    await flushPromises(2);
    expect(element.querySelector('.fields').className).toContain('fields_two-columns');
    expect(element.querySelector('[data-field="description"]').parentElement.className).toContain(
      'field_wide'
    );
  });

  it('is accessible, with the question above its answer box', async () => {
    const element = mountElement('c-deal-form-section', DealFormSection, {
      section: section([
        fieldView({
          key: 'partnerResponse',
          label: 'Your answer',
          isInput: false,
          isTextarea: true,
          question: 'Which products are in scope?'
        })
      ])
    });
    await flushPromises(2);
    expect(element.shadowRoot).toBeNull();
    await expect(element).toBeAccessible();
  });
});

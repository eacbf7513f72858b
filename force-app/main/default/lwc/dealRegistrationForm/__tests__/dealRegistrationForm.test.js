import {
  flushPromises,
  mountElement,
  byId,
  rootOf,
  clearDom,
  changeValue
} from '../../../../../test/jest-utils/lwcTestUtils';
import DealRegistrationForm from 'c/dealRegistrationForm';
import { FIELDS } from 'c/dealFields';
import getPriorCustomers from '@salesforce/apex/DealRegistrationPortalController.getPriorCustomers';
import getRegistration from '@salesforce/apex/DealRegistrationPortalController.getRegistration';
import saveDraft from '@salesforce/apex/DealRegistrationPortalController.saveDraft';
import submit from '@salesforce/apex/DealRegistrationPortalController.submit';
import precheck from '@salesforce/apex/DealRegistrationPortalController.precheck';
import suggestAccounts from '@salesforce/apex/DealRegistrationPortalController.suggestAccounts';
import parseText from '@salesforce/apex/DealAssistController.parseText';

const PRECHECK_INCOMPLETE = require('./data/precheckIncomplete.json');
const PRECHECK_DUPLICATES = require('./data/precheckDuplicates.json');
const PRECHECK_COMPLETE = require('./data/precheckComplete.json');
const PRECHECK_UNAVAILABLE = require('./data/precheckUnavailable.json');
const PARSE_RESULT = require('./data/parseResult.json');
const PARSE_UNAVAILABLE = require('./data/parseUnavailable.json');
const PRIOR_CUSTOMERS = require('./data/priorCustomers.json');
const SUBMIT_RESULT = require('./data/submitResult.json');
const SUGGESTIONS = require('./data/suggestions.json');
const MORE_INFO = require('./data/moreInfoRegistration.json');
const APPROVED = require('./data/approvedRegistration.json');

jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.getPriorCustomers',
  () => require('../../../../../test/jest-utils/lwcTestUtils').apexWireMock(),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.getRegistration',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/apex/DealRegistrationPortalController.saveDraft', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealRegistrationPortalController.submit', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealRegistrationPortalController.precheck', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.suggestAccounts',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/apex/DealAssistController.parseText', () => ({ default: jest.fn() }), {
  virtual: true
});

// Labels with placeholders get their real text so the filled-in values can be asserted.
jest.mock('@salesforce/label/c.DR_Portal_Meter_Item', () => ({ default: '{0}: {1}' }), { virtual: true });
jest.mock(
  '@salesforce/label/c.DR_Portal_Meter_Required_Missing',
  () => ({ default: '{0} is required to submit' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.DR_Portal_Meter_Value', () => ({ default: '{0}% complete' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.DR_Portal_Suggest_Did_You_Mean', () => ({ default: 'Did you mean {0}?' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.DR_Portal_Ack_Step_Review', () => ({ default: 'within {0} hours' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.DR_Portal_Ack_Step_Decision', () => ({ default: 'protected for {0} days' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.DR_Portal_Ack_Title', () => ({ default: 'Registration {0} is submitted.' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.DR_Portal_Paste_Filled_Kept', () => ({ default: '{0} filled; {1} kept' }), {
  virtual: true
});

const DEBOUNCE_MS = 400;

const flush = () => flushPromises(6);

function mount(props = {}) {
  return mountElement('c-deal-registration-form', DealRegistrationForm, props);
}

function field(element, key) {
  return rootOf(element).querySelector(`[data-field="${key}"]`);
}

/** The message the form shows for a field (in its error summary; the field itself gets it as custom validity). */
function fieldError(element, key) {
  const item = rootOf(element).querySelector(`[data-error-for="${key}"]`);
  return item ? item.textContent.split(': ').slice(1).join(': ') : null;
}

async function type(element, key, value) {
  changeValue(field(element, key), value);
  await flush();
}

async function click(element, id) {
  byId(element, id).click();
  await flush();
}

async function fillRequired(element) {
  await type(element, 'customerName', 'Globex Corporation');
  await type(element, 'dealValue', '125000');
  await type(element, 'expectedCloseDate', '2027-03-31');
  await type(element, 'contactName', 'Hank Scorpio');
  await type(element, 'contactEmail', 'hank@globex.com');
}

async function settlePrecheck() {
  jest.advanceTimersByTime(DEBOUNCE_MS);
  await flush();
}

function texts(root, selector) {
  return Array.from(root.querySelectorAll(selector)).map((n) => n.textContent.trim());
}

describe('c-deal-registration-form', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    precheck.mockResolvedValue(PRECHECK_INCOMPLETE);
    suggestAccounts.mockResolvedValue([]);
  });

  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  describe('rendering', () => {
    it('shows the four sections with a label and help text on every input, the five required fields marked', async () => {
      const element = mount();
      await flush();
      const headings = texts(rootOf(element), 'section[data-section] h3');
      expect(headings).toEqual([
        'c.DR_Portal_Section_Customer',
        'c.DR_Portal_Section_Opportunity',
        'c.DR_Portal_Section_Contact',
        'c.DR_Portal_Section_Notes'
      ]);
      const inputs = Array.from(rootOf(element).querySelectorAll('[data-field]'));
      // Every field of the form's layout (c/dealFields, from the registration field registry); the
      // partner response only appears when we asked for more information.
      expect(inputs.map((i) => i.dataset.field).sort()).toEqual(
        FIELDS.map((f) => f.key)
          .filter((k) => k !== 'partnerResponse')
          .sort()
      );
      expect(inputs.length).toBeGreaterThan(15);
      inputs.forEach((input) => {
        expect(input.label).toMatch(/^c\.DR_Portal_Field_/);
        expect(input.fieldLevelHelp).toMatch(/^c\.DR_Portal_Help_/);
      });
      const required = inputs.filter((i) => i.required).map((i) => i.dataset.field);
      expect(required).toEqual([
        'customerName',
        'dealValue',
        'expectedCloseDate',
        'contactName',
        'contactEmail'
      ]);
      expect(field(element, 'dealCurrency').value).toBe('USD');
    });

    it('continues a registration waiting for more information and asks for the answer', async () => {
      getRegistration.mockResolvedValue(MORE_INFO);
      const element = mount({ recordId: MORE_INFO.id });
      await flush();
      expect(getRegistration).toHaveBeenCalledWith({ registrationId: MORE_INFO.id });
      expect(field(element, 'customerName').value).toBe('Initech');
      const response = field(element, 'partnerResponse');
      expect(response).not.toBeNull();
      expect(response.required).toBe(true);
      expect(byId(element, 'submit').label).toBe('c.DR_Portal_Submit_Response');

      await click(element, 'submit');
      expect(submit).not.toHaveBeenCalled();
      expect(fieldError(element, 'partnerResponse')).toBe('c.DR_Portal_Validation_Response_Required');

      precheck.mockResolvedValue(PRECHECK_COMPLETE);
      submit.mockResolvedValue({ ...SUBMIT_RESULT, id: MORE_INFO.id, name: MORE_INFO.name });
      await type(element, 'partnerResponse', 'Analytics Cloud and Data Hub');
      await click(element, 'submit');
      await flush();
      expect(submit).toHaveBeenCalledTimes(1);
      const sent = submit.mock.calls[0][0].draft;
      expect(sent.id).toBe(MORE_INFO.id);
      expect(sent.partnerResponse).toBe('Analytics Cloud and Data Hub');
    });

    it('shows a read-only note instead of the form for a decided registration', async () => {
      getRegistration.mockResolvedValue(APPROVED);
      const element = mount({ recordId: APPROVED.id });
      await flush();
      expect(byId(element, 'read-only').textContent).toBe('c.DR_Portal_Form_Read_Only');
      expect(field(element, 'customerName')).toBeNull();
      expect(byId(element, 'submit')).toBeNull();
    });

    it('shows the load error when the registration cannot be read', async () => {
      getRegistration.mockRejectedValue({
        body: { message: 'Registration not found or not shared with you' }
      });
      const element = mount({ recordId: 'a0B000000000099AAA' });
      await flush();
      const panel = rootOf(element).querySelector('c-error-panel');
      expect(panel.errors).toEqual({ body: { message: 'Registration not found or not shared with you' } });
    });
  });

  describe('validation', () => {
    it('names the missing required fields and does not submit', async () => {
      const element = mount();
      await flush();
      await click(element, 'submit');
      expect(submit).not.toHaveBeenCalled();
      const summary = byId(element, 'error-summary');
      expect(summary).not.toBeNull();
      expect(texts(summary, 'li')).toEqual([
        'c.DR_Portal_Field_Customer_Name: c.DR_Portal_Validation_Required',
        'c.DR_Portal_Field_Deal_Value: c.DR_Portal_Validation_Required',
        'c.DR_Portal_Field_Close_Date: c.DR_Portal_Validation_Required',
        'c.DR_Portal_Field_Contact_Name: c.DR_Portal_Validation_Required',
        'c.DR_Portal_Field_Contact_Email: c.DR_Portal_Validation_Required'
      ]);
    });

    it('checks formats even for a draft and clears the message once the field is fixed', async () => {
      const element = mount();
      await flush();
      await type(element, 'contactEmail', 'jane-at-acme');
      await type(element, 'dealValue', '-5');
      await click(element, 'save-draft');
      expect(saveDraft).not.toHaveBeenCalled();
      expect(fieldError(element, 'contactEmail')).toBe('c.DR_Portal_Validation_Email');
      expect(fieldError(element, 'dealValue')).toBe('c.DR_Portal_Validation_Not_Negative');
      await type(element, 'contactEmail', 'jane@acme.com');
      expect(fieldError(element, 'contactEmail')).toBeNull();
    });
  });

  describe('completeness meter', () => {
    it('asks for one pre-check after typing pauses and names the weak fields', async () => {
      const element = mount();
      await flush();
      await type(element, 'customerName', 'Glo');
      await type(element, 'customerName', 'Globex');
      jest.advanceTimersByTime(DEBOUNCE_MS - 50);
      await type(element, 'customerName', 'Globex Corporation');
      expect(precheck).not.toHaveBeenCalled();
      await settlePrecheck();
      expect(precheck).toHaveBeenCalledTimes(1);
      expect(precheck.mock.calls[0][0].draft.customerName).toBe('Globex Corporation');

      const bar = rootOf(element).querySelector('[role="progressbar"]');
      expect(bar.getAttribute('aria-valuenow')).toBe('55');
      expect(byId(element, 'meter-value').textContent).toBe('55% complete');
      // Each missing field once, by its label; a required one says so (the form's definition of required).
      expect(texts(byId(element, 'meter-items'), 'li')).toEqual([
        'c.DR_Portal_Field_Contact_Title: add a technical contact to raise your approval odds',
        'c.DR_Portal_Field_Deal_Value is required to submit',
        'A website lets us tell companies with similar names apart.'
      ]);
      // The hint is not repeated under the field: the field has its own help.
      expect(rootOf(element).textContent.split('add a technical contact').length).toBe(2);
    });

    it('keeps the last answer on screen while a newer check runs, and ignores a stale answer', async () => {
      const element = mount();
      await flush();
      await type(element, 'customerName', 'Globex');
      await settlePrecheck();
      let resolveSlow;
      precheck.mockImplementationOnce(
        () =>
          new Promise((resolve) => {
            resolveSlow = resolve;
          })
      );
      precheck.mockResolvedValueOnce(PRECHECK_COMPLETE);
      await type(element, 'customerName', 'Globex Corp');
      await settlePrecheck();
      expect(byId(element, 'meter-checking')).not.toBeNull();
      expect(rootOf(element).querySelector('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('55');
      await type(element, 'customerName', 'Globex Corporation');
      await settlePrecheck();
      expect(rootOf(element).querySelector('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100');
      resolveSlow(PRECHECK_INCOMPLETE); // the older answer arrives last and must not win
      await flush();
      expect(rootOf(element).querySelector('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100');
    });

    it('says the check is unavailable when the function cannot be reached, and keeps local required checks', async () => {
      precheck.mockRejectedValue({ body: { message: 'Read timed out' } });
      const element = mount();
      await flush();
      await type(element, 'customerName', 'Globex');
      await settlePrecheck();
      expect(byId(element, 'meter-unavailable')).not.toBeNull();
      expect(rootOf(element).querySelector('[role="progressbar"]')).toBeNull();
      expect(texts(byId(element, 'meter-items'), 'li')).toEqual([
        'c.DR_Portal_Field_Deal_Value is required to submit',
        'c.DR_Portal_Field_Close_Date is required to submit',
        'c.DR_Portal_Field_Contact_Name is required to submit',
        'c.DR_Portal_Field_Contact_Email is required to submit'
      ]);
    });

    it('treats available=false like an unreachable function', async () => {
      precheck.mockResolvedValue(PRECHECK_UNAVAILABLE);
      const element = mount();
      await flush();
      await type(element, 'customerName', 'Globex');
      await settlePrecheck();
      expect(byId(element, 'meter-unavailable')).not.toBeNull();
    });

    it('says nothing is missing when the pre-check finds the draft complete', async () => {
      precheck.mockResolvedValue(PRECHECK_COMPLETE);
      const element = mount();
      await flush();
      await fillRequired(element);
      await settlePrecheck();
      expect(byId(element, 'meter-all-good')).not.toBeNull();
      expect(byId(element, 'meter-items')).toBeNull();
    });
  });

  describe('paste to fill', () => {
    it('fills the fields from pasted text and marks each one for confirmation', async () => {
      parseText.mockResolvedValue(PARSE_RESULT);
      const element = mount();
      await flush();
      await type(element, 'contactName', 'Typed By Partner');
      const paste = byId(element, 'paste-text');
      paste.dispatchEvent(
        new CustomEvent('change', { detail: { value: 'Hi, Globex wants Analytics Cloud...' } })
      );
      await flush();
      await click(element, 'paste-button');
      expect(parseText).toHaveBeenCalledWith({ text: 'Hi, Globex wants Analytics Cloud...' });
      expect(field(element, 'customerName').value).toBe('Globex Corporation');
      expect(field(element, 'customerWebsite').value).toBe('globex.com');
      expect(field(element, 'dealValue').value).toBe(125000);
      expect(field(element, 'dealCurrency').value).toBe('EUR'); // the default was not the partner's: filled
      expect(field(element, 'products').value).toBe('Analytics Cloud; Data Hub');
      expect(field(element, 'contactName').value).toBe('Typed By Partner'); // never overwritten
      expect(rootOf(element).querySelector('[data-filled="customerName"]').textContent.trim()).toBe(
        'c.DR_Portal_Paste_Filled_Note'
      );
      expect(rootOf(element).querySelector('[data-filled="expectedCloseDate"]').textContent.trim()).toBe(
        'c.DR_Portal_Paste_Filled_Unsure'
      );
      expect(rootOf(element).querySelector('[data-filled="contactName"]')).toBeNull();
      expect(byId(element, 'paste-message').textContent).toBe('9 filled; 1 kept');

      await type(element, 'customerName', 'Globex Corp');
      expect(rootOf(element).querySelector('[data-filled="customerName"]')).toBeNull();
      expect(rootOf(element).querySelector('[data-filled="contactEmail"]')).not.toBeNull();
    });

    it('says plainly that filling from text is not available when the assistant is off', async () => {
      parseText.mockResolvedValue(PARSE_UNAVAILABLE);
      const element = mount();
      await flush();
      byId(element, 'paste-text').dispatchEvent(
        new CustomEvent('change', { detail: { value: 'some notes' } })
      );
      await flush();
      await click(element, 'paste-button');
      expect(byId(element, 'paste-message').textContent).toBe('c.DR_Portal_Paste_Unavailable');
      expect(field(element, 'customerName').value).toBeNull();
    });

    it('says the same when the call fails', async () => {
      parseText.mockRejectedValue(new Error('Unable to connect'));
      const element = mount();
      await flush();
      byId(element, 'paste-text').dispatchEvent(
        new CustomEvent('change', { detail: { value: 'some notes' } })
      );
      await flush();
      await click(element, 'paste-button');
      expect(byId(element, 'paste-message').textContent).toBe('c.DR_Portal_Paste_Unavailable');
    });
  });

  describe('save draft', () => {
    it('keeps every field when the save fails and shows why', async () => {
      saveDraft.mockRejectedValue({ body: { message: 'Customer website: enter a valid URL' } });
      const element = mount();
      await flush();
      await type(element, 'customerName', 'Globex Corporation');
      await type(element, 'contactEmail', 'hank@globex.com');
      await type(element, 'description', 'Long notes the partner would hate to retype');
      await click(element, 'save-draft');
      expect(saveDraft).toHaveBeenCalledTimes(1);
      const panels = rootOf(element).querySelectorAll('c-error-panel');
      const savePanel = panels[panels.length - 1];
      expect(savePanel.errors).toEqual({ body: { message: 'Customer website: enter a valid URL' } });
      expect(savePanel.friendlyMessage).toBe('c.DR_Portal_Draft_Save_Failed');
      expect(field(element, 'customerName').value).toBe('Globex Corporation');
      expect(field(element, 'contactEmail').value).toBe('hank@globex.com');
      expect(field(element, 'description').value).toBe('Long notes the partner would hate to retype');
      expect(byId(element, 'save-draft').disabled).toBe(false);
    });

    it('saves, tells the partner inline (no toast: LWR sites have none) and reuses the id on the next save', async () => {
      saveDraft.mockResolvedValue('a0B000000000001AAA');
      const element = mount();
      const toast = jest.fn();
      const saved = jest.fn();
      element.addEventListener('lightning__showtoast', toast);
      element.addEventListener('saved', saved);
      await flush();
      await type(element, 'customerName', 'Globex Corporation');
      await click(element, 'save-draft');
      expect(saveDraft.mock.calls[0][0].draft.id).toBeUndefined();
      expect(toast).not.toHaveBeenCalled();
      expect(saved.mock.calls[0][0].detail).toEqual({ id: 'a0B000000000001AAA' });
      expect(byId(element, 'saved-at').textContent).toBe('c.DR_Portal_Draft_Saved_At');
      expect(byId(element, 'saved-at').getAttribute('role')).toBe('status');
      await click(element, 'save-draft');
      expect(saveDraft.mock.calls[1][0].draft.id).toBe('a0B000000000001AAA');
    });
  });

  describe('submit', () => {
    it('submits and acknowledges with what happens next and when', async () => {
      precheck.mockResolvedValue(PRECHECK_COMPLETE);
      submit.mockResolvedValue(SUBMIT_RESULT);
      const element = mount();
      const submitted = jest.fn();
      element.addEventListener('submitted', submitted);
      await flush();
      await fillRequired(element);
      await click(element, 'submit');
      await flush();
      expect(precheck).toHaveBeenCalledTimes(1); // the pending debounced check ran at once, not twice
      expect(submit).toHaveBeenCalledTimes(1);
      expect(submit.mock.calls[0][0].draft).toEqual(
        expect.objectContaining({ customerName: 'Globex Corporation', expectedCloseDate: '2027-03-31' })
      );
      const ack = byId(element, 'acknowledgment');
      expect(ack.querySelector('h3').textContent).toBe('Registration DR-000042 is submitted.');
      expect(texts(ack, 'li')).toEqual([
        'c.DR_Portal_Ack_Step_Check',
        'within 48 hours',
        'protected for 90 days'
      ]);
      expect(field(element, 'customerName')).toBeNull();
      expect(submitted.mock.calls[0][0].detail).toEqual({ id: SUBMIT_RESULT.id, status: 'Submitted' });

      await click(element, 'register-another');
      expect(field(element, 'customerName').value).toBeNull();
    });

    it('keeps the form and shows the error when the submit fails', async () => {
      precheck.mockResolvedValue(PRECHECK_COMPLETE);
      submit.mockRejectedValue({ body: { message: 'Expected close date: must not be in the past' } });
      const element = mount();
      await flush();
      await fillRequired(element);
      await type(element, 'contactTitle', 'CTO');
      await click(element, 'submit');
      await flush();
      expect(byId(element, 'acknowledgment')).toBeNull();
      const panels = rootOf(element).querySelectorAll('c-error-panel');
      expect(panels[panels.length - 1].errors).toEqual({
        body: { message: 'Expected close date: must not be in the past' }
      });
      expect(field(element, 'customerName').value).toBe('Globex Corporation');
      expect(field(element, 'contactTitle').value).toBe('CTO');
    });

    it('still submits when the pre-check is unavailable', async () => {
      precheck.mockRejectedValue(new Error('offline'));
      submit.mockResolvedValue(SUBMIT_RESULT);
      const element = mount();
      await flush();
      await fillRequired(element);
      await click(element, 'submit');
      await flush();
      expect(submit).toHaveBeenCalledTimes(1);
      expect(byId(element, 'acknowledgment')).not.toBeNull();
    });

    it('shows likely duplicates plainly before submitting and lets the partner decide', async () => {
      precheck.mockResolvedValue(PRECHECK_DUPLICATES);
      submit.mockResolvedValue(SUBMIT_RESULT);
      const element = mount();
      await flush();
      await fillRequired(element);
      await click(element, 'submit');
      await flush();
      expect(submit).not.toHaveBeenCalled();
      const warning = byId(element, 'duplicates');
      expect(texts(warning, 'li')).toEqual([
        'A registration for this customer already exists and is under review'
      ]);
      // One submit button while the warning asks its question.
      expect(byId(element, 'submit')).toBeNull();
      expect(byId(element, 'save-draft')).toBeNull();
      expect(byId(element, 'submit-anyway')).not.toBeNull();

      await click(element, 'review-duplicates');
      // The question is gone; the pre-check's finding stays as a notice while nothing changes.
      expect(byId(element, 'review-duplicates')).toBeNull();
      expect(byId(element, 'submit')).not.toBeNull();
      await click(element, 'submit');
      await flush();
      await click(element, 'submit-anyway');
      await flush();
      expect(submit).toHaveBeenCalledTimes(1);
      expect(byId(element, 'acknowledgment')).not.toBeNull();
    });
  });

  it('tells the partner about likely duplicates as soon as the pre-check finds them', async () => {
    precheck.mockResolvedValue(PRECHECK_DUPLICATES);
    const element = mount();
    await flush();
    await type(element, 'customerName', 'Globex Corporation');
    await settlePrecheck();
    expect(texts(byId(element, 'duplicates'), 'li')).toEqual([
      'A registration for this customer already exists and is under review'
    ]);
    expect(byId(element, 'submit-anyway')).toBeNull(); // a notice, not yet the question
    expect(byId(element, 'submit')).not.toBeNull();
  });

  describe('pre-fill and suggestions', () => {
    it('offers earlier customers from the wire and fills the customer section', async () => {
      const element = mount();
      getPriorCustomers.emit(PRIOR_CUSTOMERS);
      await flush();
      const combo = byId(element, 'prior-customer');
      expect(combo.options.map((o) => o.value)).toEqual(['Initech', 'Umbrella GmbH']);
      combo.dispatchEvent(new CustomEvent('change', { detail: { value: 'Umbrella GmbH' } }));
      await flush();
      expect(field(element, 'customerName').value).toBe('Umbrella GmbH');
      expect(field(element, 'customerRegion').value).toBe('EMEA');
      expect(field(element, 'customerEmployees').value).toBe(12000);
    });

    it('works without pre-fill when the wire fails', async () => {
      const element = mount();
      getPriorCustomers.error({ message: 'No access' });
      await flush();
      expect(byId(element, 'prior-customer')).toBeNull();
      expect(field(element, 'customerName')).not.toBeNull();
    });

    it('suggests a matching account name and uses it on request', async () => {
      suggestAccounts.mockResolvedValue(SUGGESTIONS);
      const element = mount();
      await flush();
      await type(element, 'customerName', 'acme corp');
      jest.advanceTimersByTime(DEBOUNCE_MS);
      await flush();
      expect(suggestAccounts).toHaveBeenCalledWith({ name: 'acme corp' });
      expect(byId(element, 'suggestion').querySelector('p').textContent).toBe(
        'Did you mean Acme Corporation?'
      );
      await click(element, 'use-suggestion');
      expect(field(element, 'customerName').value).toBe('Acme Corporation');
      expect(field(element, 'customerWebsite').value).toBe('https://acme.com');
      expect(byId(element, 'suggestion')).toBeNull();
    });

    it('stays quiet when the typed name already matches an account exactly', async () => {
      suggestAccounts.mockResolvedValue([{ name: 'Acme Corporation', website: null, exactMatch: true }]);
      const element = mount();
      await flush();
      await type(element, 'customerName', 'Acme Corporation');
      jest.advanceTimersByTime(DEBOUNCE_MS);
      await flush();
      expect(byId(element, 'suggestion')).toBeNull();
    });
  });
});

// Defects found by using the form in a browser (issue 10, section 3), one test each.
import {
  flushPromises,
  mountElement,
  byId,
  rootOf,
  clearDom,
  changeValue
} from '../../../../../test/jest-utils/lwcTestUtils';
import {
  dealRegistrationObjectInfo,
  fieldLength
} from '../../../../../test/jest-mocks/objectInfo/dealRegistrationObjectInfo';
import DealRegistrationForm from 'c/dealRegistrationForm';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import getRegistration from '@salesforce/apex/DealRegistrationPortalController.getRegistration';
import saveDraft from '@salesforce/apex/DealRegistrationPortalController.saveDraft';
import submit from '@salesforce/apex/DealRegistrationPortalController.submit';
import precheck from '@salesforce/apex/DealRegistrationPortalController.precheck';
import suggestAccounts from '@salesforce/apex/DealRegistrationPortalController.suggestAccounts';
import parseText from '@salesforce/apex/DealAssistController.parseText';

const PRECHECK_UNAVAILABLE = require('./data/precheckUnavailable.json');
const PARSE_RESULT = require('./data/parseResult.json');
const MORE_INFO = require('./data/moreInfoRegistration.json');

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

const DEBOUNCE_MS = 400;
const flush = () => flushPromises(8);

function mount(props = {}) {
  return mountElement('c-deal-registration-form', DealRegistrationForm, props);
}

function field(element, key) {
  return rootOf(element).querySelector(`[data-field="${key}"]`);
}

async function type(element, key, value) {
  changeValue(field(element, key), value);
  await flush();
}

async function settle() {
  jest.advanceTimersByTime(DEBOUNCE_MS);
  await flush();
}

function requiredKeys(element) {
  return Array.from(rootOf(element).querySelectorAll('[data-field]'))
    .filter((node) => node.required)
    .map((node) => node.dataset.field)
    .sort();
}

const FIVE_REQUIRED = ['contactEmail', 'contactName', 'customerName', 'dealValue', 'expectedCloseDate'];

describe('c-deal-registration-form defects (issue 10)', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    precheck.mockResolvedValue(PRECHECK_UNAVAILABLE);
    suggestAccounts.mockResolvedValue([]);
  });

  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('fills the currency from the email: the initial default is not something the partner typed (defect 2)', async () => {
    parseText.mockResolvedValue(PARSE_RESULT);
    const element = mount();
    await flush();
    expect(field(element, 'dealCurrency').value).toBe('USD');
    changeValue(
      byId(element, 'paste-text'),
      'Globex wants Analytics Cloud, EUR 125,000, closing 31 March 2027.'
    );
    await flush();
    byId(element, 'paste-button').click();
    await flush();
    expect(field(element, 'dealCurrency').value).toBe('EUR');
  });

  it('still keeps a currency the partner typed when pasting (defect 2)', async () => {
    parseText.mockResolvedValue(PARSE_RESULT);
    const element = mount();
    await flush();
    await type(element, 'dealCurrency', 'GBP');
    changeValue(byId(element, 'paste-text'), 'Globex, EUR 125,000.');
    await flush();
    byId(element, 'paste-button').click();
    await flush();
    expect(field(element, 'dealCurrency').value).toBe('GBP');
  });

  it('shows the close date in one format only: no "(YYYY-MM-DD)" hint beside the date picker (defect 6)', async () => {
    precheck.mockResolvedValue({
      available: true,
      completeness: 40,
      missingFields: [
        {
          field: 'opportunity.closeDate',
          required: true,
          hint: 'Enter the date you expect the customer to sign (YYYY-MM-DD).'
        }
      ],
      hints: [],
      duplicates: []
    });
    const element = mount();
    await flush();
    await type(element, 'customerName', 'Globex');
    await settle();
    expect(precheck).toHaveBeenCalled();
    expect(field(element, 'expectedCloseDate').type).toBe('date');
    expect(rootOf(element).textContent).not.toContain('YYYY-MM-DD');
    expect(field(element, 'expectedCloseDate').placeholder || '').not.toContain('YYYY');
  });

  it("puts the manager's question right above the answer box when a request for information is opened (defect 7)", async () => {
    getRegistration.mockResolvedValue(MORE_INFO);
    const element = mount({ recordId: MORE_INFO.id });
    await flush();
    const answer = field(element, 'partnerResponse');
    expect(answer).not.toBeNull();
    const question = rootOf(element).querySelector('[data-question="partnerResponse"]');
    expect(question.textContent).toContain(MORE_INFO.partnerMessage);
    // Same wrapper as the answer box, immediately before it.
    expect(question.parentElement).toBe(answer.parentElement);
    expect(question.nextElementSibling).toBe(answer);
  });

  it('requires the same five fields whether or not the scoring function answers (defect 8)', async () => {
    precheck.mockResolvedValue({
      available: true,
      completeness: 20,
      missingFields: [
        { field: 'contact.email', required: true, hint: 'x' },
        { field: 'opportunity.amount', required: false, hint: 'y' }
      ],
      hints: [],
      duplicates: []
    });
    const element = mount();
    await flush();
    expect(requiredKeys(element)).toEqual(FIVE_REQUIRED);
    await type(element, 'customerName', 'Globex');
    await settle();
    expect(requiredKeys(element)).toEqual(FIVE_REQUIRED);

    precheck.mockResolvedValue(PRECHECK_UNAVAILABLE);
    await type(element, 'expectedCloseDate', '2027-03-31');
    await settle();
    expect(byId(element, 'meter-unavailable')).not.toBeNull();
    expect(requiredKeys(element)).toEqual(FIVE_REQUIRED);

    byId(element, 'submit').click();
    await flush();
    expect(submit).not.toHaveBeenCalled();
    const summary = byId(element, 'error-summary').textContent;
    [
      'c.DR_Portal_Field_Deal_Value',
      'c.DR_Portal_Field_Contact_Name',
      'c.DR_Portal_Field_Contact_Email'
    ].forEach((label) => expect(summary).toContain(label));
  });

  it("takes each field's length from the object describe: contact title holds what the field holds (defect 9)", async () => {
    const element = mount();
    getObjectInfo.emit(dealRegistrationObjectInfo());
    await flush();
    const max = fieldLength('Contact_Title__c');
    expect(field(element, 'contactTitle').maxLength).toBe(max);
    await type(element, 'customerName', 'Globex');
    await type(element, 'contactTitle', 'T'.repeat(max + 1));
    byId(element, 'save-draft').click();
    await flush();
    expect(saveDraft).not.toHaveBeenCalled();
    expect(byId(element, 'error-summary').textContent).toContain('c.DR_Portal_Validation_Too_Long');

    saveDraft.mockResolvedValue('a0B000000000009AAA');
    await type(element, 'contactTitle', 'T'.repeat(max));
    byId(element, 'save-draft').click();
    await flush();
    expect(saveDraft).toHaveBeenCalledTimes(1);
  });
});

describe('c-deal-registration-form: drafts made by email intake', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    precheck.mockResolvedValue(PRECHECK_UNAVAILABLE);
    suggestAccounts.mockResolvedValue([]);
  });

  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('marks the fields read from the email until the partner confirms them, and saves what is still unconfirmed', async () => {
    getRegistration.mockResolvedValue({
      ...MORE_INFO,
      status: 'Draft',
      canRespond: false,
      partnerMessage: null,
      fromEmail: true,
      fieldsToConfirm: ['customerName', 'amount', 'unknownName']
    });
    saveDraft.mockResolvedValue(MORE_INFO.id);
    const element = mount({ recordId: MORE_INFO.id });
    await flush();
    expect(rootOf(element).querySelector('[data-filled="customerName"]')).not.toBeNull();
    expect(rootOf(element).querySelector('[data-filled="dealValue"]')).not.toBeNull();
    expect(rootOf(element).querySelector('[data-filled="contactName"]')).toBeNull();

    await type(element, 'customerName', 'Initech Corporation');
    expect(rootOf(element).querySelector('[data-filled="customerName"]')).toBeNull();
    byId(element, 'save-draft').click();
    await flush();
    expect(saveDraft).toHaveBeenCalledTimes(1);
    expect(saveDraft.mock.calls[0][0].draft.fieldsToConfirm).toEqual(['amount']);
  });
});

import {
  flushPromises,
  mountElement,
  byId,
  queryAll,
  clearDom,
  changeValue
} from '../../../../../../force-app/test/jest-utils/lwcTestUtils';
import { mockCustomLabels } from '../../../../../../force-app/test/jest-utils/customLabels';
import getClaimContext from '@salesforce/apex/MdfClaimController.getClaimContext';
import saveDraft from '@salesforce/apex/MdfClaimController.saveDraft';
import checkClaim from '@salesforce/apex/MdfClaimController.checkClaim';
import submitClaim from '@salesforce/apex/MdfClaimController.submitClaim';

const CONTEXT = require('./data/context.json');
const CHECKED = require('./data/checkedClaim.json');

jest.mock('@salesforce/apex/MdfClaimController.getClaimContext', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/MdfClaimController.saveDraft', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/MdfClaimController.checkClaim', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/MdfClaimController.submitClaim', () => ({ default: jest.fn() }), {
  virtual: true
});

// The text checked below is the custom labels' values (sfdx-lwc-jest would give their names).
mockCustomLabels('MDF_');
const { default: MdfClaim, DRAFT_KEY_PREFIX } = require('c/mdfClaim');

const REQUEST_ID = CONTEXT.fundRequestId;
const flush = () => flushPromises(12);
const clone = (o) => JSON.parse(JSON.stringify(o));

async function mount() {
  const element = mountElement('c-mdf-claim', MdfClaim, { recordId: REQUEST_ID });
  await flush();
  return element;
}

async function fill(element) {
  changeValue(byId(element, 'amount'), '4000');
  changeValue(byId(element, 'activityStartDate'), '2026-03-01');
  changeValue(byId(element, 'activityEndDate'), '2026-03-03');
  const line = queryAll(element, '[data-id="cost-line"]')[0];
  changeValue(line.querySelector('[data-prop="description"]'), 'Hall');
  changeValue(line.querySelector('[data-prop="category"]'), 'Venue');
  changeValue(line.querySelector('[data-prop="amount"]'), '4000');
  await flush();
}

describe('c-mdf-claim', () => {
  beforeEach(() => {
    jest.resetAllMocks();
    window.sessionStorage.clear();
    getClaimContext.mockResolvedValue(clone(CONTEXT));
  });
  afterEach(clearDom);

  it('opens on the fund request with its policy, one empty cost line and no upload before the first save', async () => {
    const element = await mount();
    expect(getClaimContext).toHaveBeenCalledWith({ fundRequestId: REQUEST_ID });
    expect(byId(element, 'request-summary').textContent).toBe(
      'Approved 10,000.00 EUR for Event from 2026-03-01 to 2026-03-03'
    );
    expect(byId(element, 'policy-summary').textContent).toContain('50% of eligible costs');
    expect(byId(element, 'policy-summary').textContent).toContain('Proof of execution');
    expect(queryAll(element, '[data-id="cost-line"]')).toHaveLength(1);
    expect(byId(element, 'upload-invoice')).toBeNull();
    expect(byId(element, 'check').disabled).toBe(true);
  });

  it('saves the typed claim as a draft, then offers invoice and proof uploads tagged with their role', async () => {
    saveDraft.mockResolvedValue({
      ...clone(CHECKED),
      stage: 'Draft',
      documents: [],
      messages: [],
      checkedAt: null
    });
    const element = await mount();
    await fill(element);
    byId(element, 'save').click();
    await flush();
    expect(saveDraft).toHaveBeenCalledWith({
      fundRequestId: REQUEST_ID,
      draft: expect.objectContaining({
        claimId: null,
        amount: 4000,
        activityStartDate: '2026-03-01',
        activityEndDate: '2026-03-03',
        costLines: [{ description: 'Hall', category: 'Venue', amount: 4000 }]
      })
    });
    const invoice = byId(element, 'upload-invoice');
    const proof = byId(element, 'upload-proof');
    expect(invoice.recordId).toBe(CHECKED.claimId);
    expect([invoice.fileFieldName, invoice.fileFieldValue]).toEqual(['MDF_Document_Role__c', 'invoice']);
    expect(proof.fileFieldValue).toBe('proof');
    expect(invoice.accept).toEqual(['.pdf', '.png', '.jpg', '.jpeg']);
    expect(byId(element, 'notice').textContent).toContain('Draft saved');
  });

  it("checks the documents and shows each one's fields and the problems found before submitting", async () => {
    getClaimContext.mockResolvedValue({
      ...clone(CONTEXT),
      claim: { ...clone(CHECKED), stage: 'Draft', messages: [], checkedAt: null }
    });
    saveDraft.mockResolvedValue({ ...clone(CHECKED), stage: 'Draft' });
    checkClaim.mockResolvedValue(clone(CHECKED));
    const element = await mount();
    byId(element, 'check').click();
    await flush();
    expect(checkClaim).toHaveBeenCalledWith({ claimId: CHECKED.claimId });
    const docs = queryAll(element, '[data-id="document"]');
    expect(docs).toHaveLength(2);
    expect(docs[0].textContent).toContain('invoice.pdf · Invoice · Read');
    expect(docs[0].textContent).toContain('Acme Events (90% sure)');
    expect(docs[0].textContent).toContain('4100 (95% sure)');
    expect(docs[1].textContent).toContain('booth.jpg · Proof of execution · Not checked yet');
    expect(byId(element, 'messages').textContent).toContain(
      'The invoice total differs from the amount you claim.'
    );
    expect(byId(element, 'notice').textContent).toContain('explain below');
  });

  it('keeps everything typed when a save fails, also across a reload', async () => {
    saveDraft.mockRejectedValue({
      body: { message: 'activityEndDate must be on or after activityStartDate' }
    });
    const element = await mount();
    await fill(element);
    changeValue(byId(element, 'activityEndDate'), '2026-02-01');
    await flush();
    byId(element, 'save').click();
    await flush();
    expect(element.textContent).toContain('activityEndDate must be on or after activityStartDate');
    expect(byId(element, 'amount').value).toBe(4000);
    const stored = JSON.parse(window.sessionStorage.getItem(DRAFT_KEY_PREFIX + REQUEST_ID));
    expect(stored).toEqual(expect.objectContaining({ amount: 4000, activityEndDate: '2026-02-01' }));

    clearDom();
    const again = await mount();
    expect(byId(again, 'amount').value).toBe(4000);
    expect(byId(again, 'activityEndDate').value).toBe('2026-02-01');
    expect(queryAll(again, '[data-id="cost-line"]')[0].querySelector('[data-prop="description"]').value).toBe(
      'Hall'
    );
    expect(byId(again, 'notice').textContent).toContain('unsaved changes');
  });

  it('submits with the explanation and becomes read-only', async () => {
    getClaimContext.mockResolvedValue({ ...clone(CONTEXT), claim: clone(CHECKED) });
    saveDraft.mockResolvedValue(clone(CHECKED));
    submitClaim.mockResolvedValue({
      ...clone(CHECKED),
      stage: 'Submitted',
      canEdit: false,
      canSubmit: false
    });
    const element = await mount();
    byId(element, 'explanation').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'The total includes the deposit.' } })
    );
    await flush();
    byId(element, 'submit').click();
    await flush();
    expect(submitClaim).toHaveBeenCalledWith({
      claimId: CHECKED.claimId,
      explanation: 'The total includes the deposit.'
    });
    expect(byId(element, 'stage').textContent).toBe('Stage: Submitted');
    expect(byId(element, 'save')).toBeNull();
    expect(byId(element, 'amount').disabled).toBe(true);
    expect(byId(element, 'upload-invoice')).toBeNull();
  });

  it("shows why a fund request cannot be claimed and the manager's reason when more information is asked", async () => {
    getClaimContext.mockResolvedValue({
      ...clone(CONTEXT),
      claimable: false,
      notClaimableReason: 'Claims can be made once the fund request is approved (it is Submitted).'
    });
    let element = await mount();
    expect(byId(element, 'not-claimable').textContent).toContain('once the fund request is approved');
    expect(byId(element, 'save')).toBeNull();
    clearDom();
    getClaimContext.mockResolvedValue({
      ...clone(CONTEXT),
      claim: {
        ...clone(CHECKED),
        stage: 'More Info Requested',
        decisionReason: 'Please add the attendee list.'
      }
    });
    element = await mount();
    expect(byId(element, 'decision-reason').textContent).toContain('Please add the attendee list.');
    expect(byId(element, 'save')).not.toBeNull();
  });
});

import {
  flushPromises,
  mountElement,
  byId,
  queryAll,
  clearDom
} from '../../../../../../force-app/test/jest-utils/lwcTestUtils';
import { mockCustomLabels } from '../../../../../../force-app/test/jest-utils/customLabels';
import getReview from '@salesforce/apex/MdfClaimReviewController.getReview';
import decide from '@salesforce/apex/MdfClaimReviewController.decide';

const REVIEW = require('./data/review.json');

jest.mock('@salesforce/apex/MdfClaimReviewController.getReview', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/MdfClaimReviewController.decide', () => ({ default: jest.fn() }), {
  virtual: true
});

// The text checked below is the custom labels' values (sfdx-lwc-jest would give their names).
mockCustomLabels('MDF_');
const { default: MdfClaimReview } = require('c/mdfClaimReview');

const flush = () => flushPromises(12);
const clone = (o) => JSON.parse(JSON.stringify(o));

async function mount() {
  const element = mountElement('c-mdf-claim-review', MdfClaimReview, { recordId: REVIEW.claimId });
  await flush();
  return element;
}

async function open(element, action) {
  element.shadowRoot.querySelector(`lightning-button[data-action="${action}"]`).click();
  await flush();
}

async function typeReason(element, value) {
  byId(element, 'reason').dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

describe('c-mdf-claim-review', () => {
  beforeEach(() => {
    jest.resetAllMocks();
    getReview.mockResolvedValue(clone(REVIEW));
  });
  afterEach(clearDom);

  it('shows the recommendation, each document field beside the claim with its source text, and every discrepancy with evidence', async () => {
    const element = await mount();
    expect(getReview).toHaveBeenCalledWith({ claimId: REVIEW.claimId });
    expect(byId(element, 'recommendation').textContent).toBe('Recommendation: APPROVE');
    expect(byId(element, 'facts').textContent).toContain('Recommended payout');
    expect(byId(element, 'facts').textContent).toContain('2,000.00 EUR');
    const rows = queryAll(element, '[data-id="field-row"]');
    expect(rows).toHaveLength(2);
    const cells = Array.from(rows[1].querySelectorAll('th, td')).map((c) => c.textContent);
    expect(cells).toEqual(['Total', '4100', '4000', '95%', 'Total 4,100.00']);
    expect(rows[1].className).toContain('slds-text-color_error');
    expect(rows[0].className).not.toContain('slds-text-color_error');
    const factor = byId(element, 'factor');
    expect(factor.textContent).toContain('WARNING');
    expect(factor.textContent).toContain('differs from the claim');
    expect(factor.textContent).toContain('invoice.pdf (grossAmount): Total 4,100.00');
    expect(byId(element, 'explanation').textContent).toContain('100 EUR deposit');
    expect(byId(element, 'reconciliation').textContent).toContain('Invoice total');
  });

  it('approves as recommended without a reason', async () => {
    decide.mockResolvedValue({
      ...clone(REVIEW),
      pendingApproval: false,
      stage: 'Approved',
      humanDecision: 'Approved'
    });
    const element = await mount();
    await open(element, 'APPROVE');
    expect(byId(element, 'override-warning')).toBeNull();
    byId(element, 'confirm').click();
    await flush();
    expect(decide).toHaveBeenCalledWith({ claimId: REVIEW.claimId, action: 'APPROVE', reason: null });
    expect(byId(element, 'decided').textContent).toBe('Decided: Approved');
    expect(byId(element, 'decision-form')).toBeNull();
  });

  it('marks a rejection of an APPROVE recommendation as an override and requires a reason', async () => {
    decide.mockResolvedValue({
      ...clone(REVIEW),
      pendingApproval: false,
      humanDecision: 'Rejected',
      overridden: true,
      decisionReason: 'Wrong venue.'
    });
    const element = await mount();
    await open(element, 'REJECT');
    expect(byId(element, 'override-warning')).not.toBeNull();
    byId(element, 'confirm').click();
    await flush();
    expect(decide).not.toHaveBeenCalled();
    expect(byId(element, 'reason-error').textContent).toContain('differs from the recommendation');
    await typeReason(element, 'Wrong venue.');
    byId(element, 'confirm').click();
    await flush();
    expect(decide).toHaveBeenCalledWith({
      claimId: REVIEW.claimId,
      action: 'REJECT',
      reason: 'Wrong venue.'
    });
    expect(byId(element, 'decided').textContent).toBe('Decided: Rejected (override): Wrong venue.');
  });

  it('requests more information with a reason and keeps the form when the decision fails', async () => {
    decide.mockRejectedValue({
      body: { message: 'The claim has no pending approval: it was decided or recalled' }
    });
    const element = await mount();
    await open(element, 'REQUEST_INFO');
    await typeReason(element, 'Please add the attendee list.');
    byId(element, 'confirm').click();
    await flush();
    expect(decide).toHaveBeenCalledWith({
      claimId: REVIEW.claimId,
      action: 'REQUEST_INFO',
      reason: 'Please add the attendee list.'
    });
    expect(element.shadowRoot.textContent).toContain('no pending approval');
    expect(byId(element, 'decision-form')).not.toBeNull();
  });

  it('offers no decision once the claim is decided', async () => {
    getReview.mockResolvedValue({
      ...clone(REVIEW),
      pendingApproval: false,
      humanDecision: 'Approved',
      factors: []
    });
    const element = await mount();
    expect(element.shadowRoot.querySelector('lightning-button[data-action="APPROVE"]')).toBeNull();
    expect(byId(element, 'no-factors').textContent).toBe('No discrepancies found.');
  });
});

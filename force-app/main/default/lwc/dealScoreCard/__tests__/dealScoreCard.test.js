import { flushPromises, mountElement, byId, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import DealScoreCard from 'c/dealScoreCard';
import getScoreCard from '@salesforce/apex/DealReviewController.getScoreCard';
import getAuditTimeline from '@salesforce/apex/DealReviewController.getAuditTimeline';
import getConsoleSettings from '@salesforce/apex/DealReviewController.getConsoleSettings';
import decide from '@salesforce/apex/DealReviewController.decide';
import decideExtension from '@salesforce/apex/DealReviewController.decideExtension';
import { publish, reset as resetLms } from 'lightning/messageService';
import { getLastNavigation } from 'lightning/navigation';
import { emit, reset as resetEmp, unsubscribe as empUnsubscribe } from 'lightning/empApi';
import DEAL_SELECTION from '@salesforce/messageChannel/Deal_Selection__c';

const CARD = require('./data/scoreCard.json');
const TIMELINE = require('./data/timeline.json');
const SETTINGS = require('./data/consoleSettings.json');

jest.mock('@salesforce/apex/DealReviewController.getScoreCard', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealReviewController.getAuditTimeline', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealReviewController.getConsoleSettings', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealReviewController.decide', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/DealReviewController.decideExtension', () => ({ default: jest.fn() }), {
  virtual: true
});

const DEAL_ID = 'a0B000000000001AAA';

const flush = () => flushPromises(12);

async function mount(recordId = DEAL_ID) {
  const element = mountElement('c-deal-score-card', DealScoreCard, recordId ? { recordId } : {});
  await flush();
  return element;
}

function q(element, selector) {
  return element.shadowRoot.querySelector(selector);
}

function all(element, selector) {
  return Array.from(element.shadowRoot.querySelectorAll(selector));
}

async function openForm(element, action) {
  q(element, `lightning-button[data-action="${action}"]`).click();
  await flush();
}

async function typeReason(element, value) {
  byId(element, 'reason').dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

function captureToasts(element) {
  const toasts = [];
  element.addEventListener('lightning__showtoast', (e) => toasts.push(e.detail));
  return toasts;
}

describe('c-deal-score-card', () => {
  beforeEach(() => {
    getConsoleSettings.mockResolvedValue(SETTINGS);
    getScoreCard.mockResolvedValue(CARD);
    getAuditTimeline.mockResolvedValue(TIMELINE);
  });

  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
    resetLms();
    resetEmp();
  });

  it('shows who reviews it by which routing rule, the queue when nobody is assigned, and the escalation', async () => {
    getScoreCard.mockResolvedValue({
      ...CARD,
      deal: { ...CARD.deal, assignedReviewerName: 'Riley Chen', routingRule: 'EMEA_Key', escalationLevel: 1 }
    });
    let element = await mount();
    // Labels are their names in Jest: the template chosen shows which case was taken.
    expect(byId(element, 'assignment').textContent).toBe('c.DR_Console_Assignment_Rule');
    expect(byId(element, 'escalation').textContent).toBe('c.DR_Console_Escalation_Level');
    clearDom();
    getScoreCard.mockResolvedValue({
      ...CARD,
      deal: {
        ...CARD.deal,
        assignedReviewerName: null,
        routingQueue: 'Deal_Registration_Review',
        escalationLevel: 0
      }
    });
    element = await mount();
    expect(byId(element, 'assignment').textContent).toBe('c.DR_Console_Unassigned');
    expect(byId(element, 'escalation')).toBeNull();
    clearDom();
    getScoreCard.mockResolvedValue({
      ...CARD,
      deal: { ...CARD.deal, assignedReviewerName: 'Riley Chen', routingRule: null, escalationLevel: 0 }
    });
    element = await mount();
    expect(byId(element, 'assignment').textContent).toBe('Riley Chen');
  });

  it('asks for a selection when it has no record and nothing was selected', async () => {
    const element = await mount(null);
    expect(byId(element, 'select-prompt')).not.toBeNull();
    expect(getScoreCard).not.toHaveBeenCalled();
  });

  it('shows the score, confidence, top factors as sentences, missing fields and the timeline', async () => {
    const element = await mount();
    expect(getScoreCard).toHaveBeenCalledWith({ dealId: DEAL_ID });
    expect(getAuditTimeline).toHaveBeenCalledWith({ dealId: DEAL_ID });
    expect(byId(element, 'score').textContent).toBe('c.DR_Console_Score_Of');
    expect(byId(element, 'score').className).toContain('slds-theme_warning');
    expect(byId(element, 'confidence').textContent).toBe('c.DR_Console_Confidence_MEDIUM');
    expect(byId(element, 'recommendation').textContent).toContain('c.DR_Console_Rec_REVIEW_CONFLICT');

    const positives = all(element, '[data-id="positive-factors"] li').map((li) => li.textContent);
    expect(positives).toHaveLength(3);
    expect(positives[0]).toContain('Strong win rate');
    expect(positives[1]).toContain('Gold partner. Gold tier adds points');
    expect(positives.join(' ')).not.toContain('Typical deal size');
    const negatives = all(element, '[data-id="negative-factors"] li').map((li) => li.textContent);
    expect(negatives[0]).toContain('Matches another registration. Same domain acme.de');
    expect(negatives[1]).toContain('No technical contact');

    expect(all(element, '[data-id="missing-fields"] li').map((li) => li.textContent)).toEqual([
      'c.DR_Portal_Field_Contact_Phone',
      'c.DR_Portal_Field_Description'
    ]);
    expect(byId(element, 'rationale').textContent).toBe(CARD.recommendation.rationale);
    expect(byId(element, 'overdue').textContent).toBe('c.DR_Console_Overdue_Banner');
    expect(all(element, '[data-id="timeline"] li')).toHaveLength(2);
    expect(byId(element, 'timeline').textContent).toContain('Routed');
  });

  it('puts each conflict side by side with the submitted registration and links to the record', async () => {
    const element = await mount();
    const conflicts = all(element, '[data-id="conflict"]');
    expect(conflicts).toHaveLength(2);
    const rows = Array.from(conflicts[0].querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.children).map((cell) => cell.textContent.trim())
    );
    expect(rows[0]).toEqual(['c.DR_Console_Field_Customer', 'Acme GmbH', 'ACME']);
    expect(rows[1]).toEqual(['c.DR_Console_Field_Domain', 'acme.de', 'acme.de']);
    expect(rows[2]).toEqual(['c.DR_Console_Field_Partner', 'Northwind Partners', 'Contoso Channel']);
    const byLabel = Object.fromEntries(rows.map(([label, mine, theirs]) => [label, [mine, theirs]]));
    expect(byLabel['c.DR_Console_Field_Close']).toEqual([
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date('2027-03-31T00:00:00Z')
      ),
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date('2027-02-28T00:00:00Z')
      )
    ]);
    expect(byLabel['c.DR_Console_Field_Value'][0]).toContain('120,000');
    expect(byLabel['c.DR_Console_Field_Value'][1]).toContain('100,000');
    const domainCells = conflicts[0].querySelectorAll('tbody tr')[1].querySelectorAll('td');
    expect(domainCells[0].className).toContain('match');
    expect(conflicts[0].textContent).toContain('same domain acme.de');
    expect(conflicts[0].textContent).toContain('c.DR_Console_Similarity');
    expect(conflicts[1].querySelector('[data-id="conflict-hidden"]')).not.toBeNull();

    byId(element, 'open-record').click();
    expect(getLastNavigation().pageReference).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: 'a0B000000000009AAA', actionName: 'view' }
    });
  });

  it('shows the shadow-mode banner only in shadow mode', async () => {
    let element = await mount();
    expect(byId(element, 'shadow-banner')).not.toBeNull();
    document.body.removeChild(element);
    getConsoleSettings.mockResolvedValue({ ...SETTINGS, shadowMode: false });
    getScoreCard.mockResolvedValue({ ...CARD, shadowMode: false });
    element = await mount();
    expect(byId(element, 'shadow-banner')).toBeNull();
  });

  it('loads the registration selected in the queue and ignores decision announcements', async () => {
    const element = await mount(null);
    publish(undefined, DEAL_SELECTION, { recordId: DEAL_ID });
    await flush();
    expect(getScoreCard).toHaveBeenCalledWith({ dealId: DEAL_ID });
    expect(byId(element, 'select-prompt')).toBeNull();
    expect(byId(element, 'score')).not.toBeNull();

    publish(undefined, DEAL_SELECTION, { recordId: 'a0B000000000002AAA', decision: 'APPROVE' });
    await flush();
    expect(getScoreCard).toHaveBeenCalledTimes(1);
  });

  it('shows the error panel when the score card cannot load, and the card without the timeline when only that fails', async () => {
    getScoreCard.mockRejectedValueOnce({ body: { message: 'This registration is not shared with you.' } });
    let element = await mount();
    expect(q(element, 'c-error-panel').errors).toEqual({
      body: { message: 'This registration is not shared with you.' }
    });
    expect(byId(element, 'score')).toBeNull();
    document.body.removeChild(element);

    getAuditTimeline.mockRejectedValueOnce(new Error('timeline down'));
    element = await mount();
    expect(byId(element, 'score')).not.toBeNull();
    expect(q(element, 'c-error-panel').errors).toEqual(new Error('timeline down'));
    expect(byId(element, 'timeline-empty')).toBeNull();
  });

  it('shows the deal comparison: both opportunities side by side, the same-deal badge and its reasons', async () => {
    const [first, second] = CARD.conflicts;
    getScoreCard.mockResolvedValue({
      ...CARD,
      conflicts: [
        {
          ...first,
          opportunityName: 'ACME ERP migration',
          dealScore: 0.91,
          sameDeal: true,
          dealReasons: ['same products: Analytics Cloud', 'close dates 31 days apart']
        },
        { ...second, dealScore: 0.12, sameDeal: false, dealReasons: ['different products'] }
      ]
    });
    const element = await mount();
    const conflicts = all(element, '[data-id="conflict"]');
    const rows = Array.from(conflicts[0].querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.children).map((cell) => cell.textContent.trim())
    );
    expect(rows).toContainEqual(['c.DR_Console_Field_Opportunity', 'Acme ERP rollout', 'ACME ERP migration']);
    expect(conflicts[0].querySelector('[data-id="deal-badge"]').textContent).toBe('c.DR_Console_Same_Deal');
    expect(conflicts[0].querySelector('[data-id="deal-badge"]').className).toContain('slds-theme_error');
    expect(
      Array.from(conflicts[0].querySelectorAll('[data-id="deal-reasons"] li')).map((li) => li.textContent)
    ).toEqual(['same products: Analytics Cloud', 'close dates 31 days apart']);
    expect(conflicts[1].querySelector('[data-id="deal-badge"]').textContent).toBe('c.DR_Console_Other_Deal');
  });

  it('shows no deal badge when the function made no deal comparison', async () => {
    const element = await mount();
    expect(all(element, '[data-id="deal-badge"]')).toHaveLength(0);
    expect(all(element, '[data-id="deal-reasons"]')).toHaveLength(0);
  });

  it('says so when there is no recommendation, no factor, no conflict and no audit entry', async () => {
    getScoreCard.mockResolvedValue({
      ...CARD,
      recommendation: null,
      conflicts: [],
      overrides: {},
      recommendedDecision: null
    });
    getAuditTimeline.mockResolvedValue([]);
    const element = await mount();
    expect(byId(element, 'no-recommendation')).not.toBeNull();
    expect(byId(element, 'no-conflicts')).not.toBeNull();
    expect(byId(element, 'timeline-empty')).not.toBeNull();
    expect(byId(element, 'rationale').textContent).toBe(CARD.deal.summary);
  });

  it('warns that approving a flagged conflict overrides the AI, requires a reason, then decides and refreshes', async () => {
    decide.mockResolvedValue({ dealId: DEAL_ID, action: 'APPROVE', overridden: true });
    const element = await mount();
    const toasts = captureToasts(element);
    const published = jest.fn();
    const { subscribe } = require('lightning/messageService');
    subscribe(undefined, DEAL_SELECTION, published);

    await openForm(element, 'APPROVE');
    expect(byId(element, 'decision-form')).not.toBeNull();
    expect(byId(element, 'override-warning').textContent).toBe('c.DR_Console_Override_Warning');
    expect(byId(element, 'agrees')).toBeNull();

    const setCustomValidity = jest.spyOn(byId(element, 'reason'), 'setCustomValidity');
    byId(element, 'confirm').click();
    await flush();
    expect(decide).not.toHaveBeenCalled();
    expect(setCustomValidity).toHaveBeenLastCalledWith('c.DR_Console_Reason_Required');

    await typeReason(element, '  Different business unit, confirmed with both partners  ');
    expect(setCustomValidity).toHaveBeenLastCalledWith('');
    byId(element, 'confirm').click();
    await flush();

    expect(decide).toHaveBeenCalledWith({
      dealId: DEAL_ID,
      action: 'APPROVE',
      reason: 'Different business unit, confirmed with both partners',
      reassignToUserId: null
    });
    expect(toasts).toEqual([
      expect.objectContaining({
        variant: 'success',
        title: 'c.DR_Console_Decided_APPROVE',
        message: 'c.DR_Console_Decision_Saved_Override'
      })
    ]);
    expect(published).toHaveBeenCalledWith({ recordId: DEAL_ID, decision: 'APPROVE' });
    expect(getScoreCard).toHaveBeenCalledTimes(2);
    expect(getAuditTimeline).toHaveBeenCalledTimes(2);
    expect(byId(element, 'decision-form')).toBeNull();
  });

  it('says a rejection follows the AI recommendation', async () => {
    decide.mockResolvedValue({ dealId: DEAL_ID, action: 'REJECT', overridden: false });
    const element = await mount();
    const toasts = captureToasts(element);
    await openForm(element, 'REJECT');
    expect(byId(element, 'override-warning')).toBeNull();
    expect(byId(element, 'agrees')).not.toBeNull();
    expect(byId(element, 'confirm').variant).toBe('destructive');
    await typeReason(element, 'Existing registration has priority');
    byId(element, 'confirm').click();
    await flush();
    expect(toasts[0].title).toBe('c.DR_Console_Decided_REJECT');
    expect(toasts[0].message).toBeUndefined();
  });

  it('tells the manager that a request for information is shown to the partner', async () => {
    const element = await mount();
    await openForm(element, 'REQUEST_INFO');
    expect(byId(element, 'reason').fieldLevelHelp).toBe('c.DR_Console_Reason_Help_Info');
    expect(byId(element, 'override-warning')).not.toBeNull();
  });

  it('requires the new reviewer for a reassignment', async () => {
    decide.mockResolvedValue({ dealId: DEAL_ID, action: 'REASSIGN', overridden: false });
    const element = await mount();
    await openForm(element, 'REASSIGN');
    await typeReason(element, 'On leave next week');
    byId(element, 'confirm').click();
    await flush();
    expect(decide).not.toHaveBeenCalled();
    expect(byId(element, 'validation').textContent).toBe('c.DR_Console_Reassign_User_Required');

    byId(element, 'reassign-to').dispatchEvent(
      new CustomEvent('change', { detail: { recordId: '005000000000001AAA' } })
    );
    await flush();
    byId(element, 'confirm').click();
    await flush();
    expect(decide).toHaveBeenCalledWith({
      dealId: DEAL_ID,
      action: 'REASSIGN',
      reason: 'On leave next week',
      reassignToUserId: '005000000000001AAA'
    });
  });

  it('keeps the form and the reason when the decision fails, and shows why', async () => {
    decide.mockRejectedValue({ body: { message: 'This registration is Approved: no decision is pending.' } });
    const element = await mount();
    const toasts = captureToasts(element);
    await openForm(element, 'REJECT');
    await typeReason(element, 'Duplicate');
    byId(element, 'confirm').click();
    await flush();
    expect(byId(element, 'decision-form')).not.toBeNull();
    expect(byId(element, 'reason').value).toBe('Duplicate');
    const panel = byId(element, 'decision-form').querySelector('c-error-panel');
    expect(panel.errors).toEqual({
      body: { message: 'This registration is Approved: no decision is pending.' }
    });
    expect(toasts).toEqual([
      expect.objectContaining({
        variant: 'error',
        title: 'c.DR_Console_Decision_Failed',
        message: 'This registration is Approved: no decision is pending.'
      })
    ]);
    expect(getScoreCard).toHaveBeenCalledTimes(1);
    expect(byId(element, 'confirm').disabled).toBe(false);
  });

  it('closes the form with Cancel and with Escape, and gives the focus back to the action', async () => {
    const element = await mount();
    await openForm(element, 'APPROVE');
    const approve = q(element, 'lightning-button[data-action="APPROVE"]');
    approve.focus = jest.fn();
    byId(element, 'cancel').click();
    await flush();
    expect(byId(element, 'decision-form')).toBeNull();
    expect(approve.focus).toHaveBeenCalled();
    await openForm(element, 'APPROVE');
    byId(element, 'decision-form').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await flush();
    expect(byId(element, 'decision-form')).toBeNull();
  });

  it('offers no decision on a registration that is already decided', async () => {
    getScoreCard.mockResolvedValue({
      ...CARD,
      deal: { ...CARD.deal, status: 'Approved', overdue: false },
      decisionOpen: false
    });
    const element = await mount();
    expect(q(element, 'lightning-button[data-action="APPROVE"]')).toBeNull();
    expect(byId(element, 'decided').textContent).toBe('c.DR_Console_Decided');
    expect(byId(element, 'overdue')).toBeNull();
  });

  it('grants a requested extension with a reason', async () => {
    getScoreCard.mockResolvedValue({
      ...CARD,
      deal: {
        ...CARD.deal,
        status: 'Approved',
        extensionRequested: true,
        extensionReason: 'Customer delayed'
      },
      decisionOpen: false
    });
    decideExtension.mockResolvedValue(undefined);
    const element = await mount();
    const toasts = captureToasts(element);
    expect(byId(element, 'extension').textContent).toContain('Customer delayed');
    await openForm(element, 'EXTENSION_APPROVE');
    await typeReason(element, 'Budget moved to Q2');
    byId(element, 'confirm').click();
    await flush();
    expect(decideExtension).toHaveBeenCalledWith({
      dealId: DEAL_ID,
      approve: true,
      reason: 'Budget moved to Q2'
    });
    expect(decide).not.toHaveBeenCalled();
    expect(toasts[0].title).toBe('c.DR_Console_Extension_Saved');
  });

  it('reloads when the registration on screen is rescored, not for other registrations or while deciding', async () => {
    const element = await mount();
    expect(getScoreCard).toHaveBeenCalledTimes(1);
    emit('/event/Deal_Scored__e', { Deal_Registration_Id__c: 'a0B000000000002AAA', Score__c: 80 });
    await flush();
    expect(getScoreCard).toHaveBeenCalledTimes(1);
    emit('/event/Deal_Scored__e', { Deal_Registration_Id__c: DEAL_ID.substring(0, 15), Score__c: 80 });
    await flush();
    expect(getScoreCard).toHaveBeenCalledTimes(2);

    await openForm(element, 'REJECT');
    emit('/event/Deal_Scored__e', { Deal_Registration_Id__c: DEAL_ID, Score__c: 81 });
    await flush();
    expect(getScoreCard).toHaveBeenCalledTimes(2);
    expect(byId(element, 'decision-form')).not.toBeNull();

    document.body.removeChild(element);
    expect(empUnsubscribe).toHaveBeenCalled();
  });
});

describe('c-deal-score-card defects found in the browser (issue 10)', () => {
  beforeEach(() => {
    getConsoleSettings.mockResolvedValue(SETTINGS);
    getScoreCard.mockResolvedValue(CARD);
    getAuditTimeline.mockResolvedValue(TIMELINE);
  });

  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
    resetLms();
    resetEmp();
  });

  it('validates the reason on Confirm only, so no blur message moves the button under the pointer (defect 1)', async () => {
    const element = await mount();
    await openForm(element, 'REJECT');
    const reason = byId(element, 'reason');
    // A required base textarea reports "Complete this field" on blur, i.e. between mouse-down and
    // mouse-up on Confirm: the message pushes the button away and the first click is lost.
    expect(reason.required).toBeFalsy();
    expect(reason.label).toBe('c.DR_Console_Reason_Label_Required');
    const setCustomValidity = jest.spyOn(reason, 'setCustomValidity');
    const reportValidity = jest.spyOn(reason, 'reportValidity');
    byId(element, 'confirm').click();
    await flush();
    expect(decide).not.toHaveBeenCalled();
    expect(setCustomValidity).toHaveBeenCalledWith('c.DR_Console_Reason_Required');
    expect(reportValidity).toHaveBeenCalled();

    const reports = reportValidity.mock.calls.length;
    await typeReason(element, 'Existing registration has priority');
    // Cleared as soon as there is a reason, not on blur (which would move Confirm under the pointer).
    expect(setCustomValidity).toHaveBeenLastCalledWith('');
    expect(reportValidity.mock.calls.length).toBe(reports + 1);
    decide.mockResolvedValue({ dealId: DEAL_ID, action: 'REJECT', overridden: false });
    byId(element, 'confirm').click();
    await flush();
    expect(decide).toHaveBeenCalledTimes(1);
  });

  it('draws the audit timeline as a vertical list with dividers between entries (defect 3)', async () => {
    const element = await mount();
    const timeline = byId(element, 'timeline');
    expect(timeline.className).not.toContain('slds-has-dividers_left');
    expect(timeline.className).toContain('slds-has-dividers_bottom-space');
  });

  it('names missing information by field label, never by contract path (defect 4)', async () => {
    const element = await mount();
    const missing = all(element, '[data-id="missing-fields"] li').map((li) => li.textContent);
    expect(missing).toEqual(['c.DR_Portal_Field_Contact_Phone', 'c.DR_Portal_Field_Description']);
  });

  it('says what was decided in the toast, not "Decision saved" twice (defect 5)', async () => {
    decide.mockResolvedValue({ dealId: DEAL_ID, action: 'REJECT', overridden: false });
    const element = await mount();
    const toasts = captureToasts(element);
    await openForm(element, 'REJECT');
    await typeReason(element, 'Existing registration has priority');
    byId(element, 'confirm').click();
    await flush();
    expect(toasts).toHaveLength(1);
    expect(toasts[0].title).toBe('c.DR_Console_Decided_REJECT');
    expect(toasts[0].message).not.toBe(toasts[0].title);
  });
});

import {
  byId,
  changeValue,
  clearDom,
  flushPromises,
  mountElement,
  queryAll
} from '../../../../../test/jest-utils/lwcTestUtils';
import PartnerOnboarding from 'c/partnerOnboarding';
import getMyOnboarding from '@salesforce/apex/PartnerOnboardingController.getMyOnboarding';
import completeMyStep from '@salesforce/apex/PartnerOnboardingController.completeMyStep';
import askOnboarding from '@salesforce/apex/PartnerOnboardingController.askOnboarding';

const ONBOARDING = require('./data/onboarding.json');

jest.mock('@salesforce/apex/PartnerOnboardingController.getMyOnboarding', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/PartnerOnboardingController.completeMyStep', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/PartnerOnboardingController.askOnboarding', () => ({ default: jest.fn() }), {
  virtual: true
});

const flush = () => flushPromises(6);

async function mount(view = ONBOARDING) {
  getMyOnboarding.mockResolvedValue(view);
  const element = mountElement('c-partner-onboarding', PartnerOnboarding);
  await flush();
  return element;
}

describe('c-partner-onboarding', () => {
  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
  });

  it('shows progress, the next step with what it unlocks, and every step', async () => {
    const element = await mount();
    expect(byId(element, 'progress-text').textContent).toBe('c.PO_Progress');
    expect(element.querySelector('lightning-progress-bar').value).toBe(29);
    expect(byId(element, 'next-step').textContent).toContain('Sign the partner agreement');
    expect(byId(element, 'next-unlocks').textContent).toBe('c.PO_Unlocks');
    expect(queryAll(element, '[data-step]')).toHaveLength(4);
    expect(
      element.querySelector('[data-step="Reseller_FirstRegistration"] [data-id="mark-done"]')
    ).toBeNull();
    expect(
      element.querySelector('[data-step="Reseller_Agreement"] [data-id="badge-overdue"]')
    ).not.toBeNull();
    expect(element.querySelector('[data-step="Reseller_Kickoff"] [data-id="badge-manager"]')).not.toBeNull();
    expect(element.querySelector('[data-step="Reseller_Kickoff"] [data-id="mark-done"]')).toBeNull();
    expect(
      element.querySelector('[data-step="Reseller_Profile"] [data-id="evidence-shown"]').textContent
    ).toContain('Profile updated');
  });

  it('asks for evidence before marking a step that needs it, then saves and confirms', async () => {
    const element = await mount();
    const button = element.querySelector('[data-step="Reseller_Agreement"] [data-id="mark-done"]');
    button.click();
    await flush();
    expect(completeMyStep).not.toHaveBeenCalled();
    expect(byId(element, 'step-error').textContent).toBe('c.PO_Evidence_Required');

    completeMyStep.mockResolvedValue({
      ...ONBOARDING,
      stepsDone: 3,
      nextStep: null,
      steps: ONBOARDING.steps.map((s) => ({ ...s, done: true }))
    });
    changeValue(
      element.querySelector('[data-step="Reseller_Agreement"] lightning-input'),
      '  https://docs.example/signed '
    );
    button.click();
    await flush();
    expect(completeMyStep).toHaveBeenCalledWith({
      stepKey: 'Reseller_Agreement',
      evidence: 'https://docs.example/signed'
    });
    expect(byId(element, 'saved').textContent).toBe('c.PO_Step_Saved');
    expect(byId(element, 'all-done')).not.toBeNull();
  });

  it('shows the server refusal next to the step', async () => {
    const element = await mount();
    completeMyStep.mockRejectedValue({ body: { message: 'Your partner manager completes this step.' } });
    changeValue(element.querySelector('[data-step="Reseller_Agreement"] lightning-input'), 'x');
    element.querySelector('[data-step="Reseller_Agreement"] [data-id="mark-done"]').click();
    await flush();
    expect(byId(element, 'step-error').textContent).toBe('Your partner manager completes this step.');
  });

  it('says when there is no onboarding yet', async () => {
    const element = await mount({
      exists: false,
      steps: [],
      percentComplete: 0,
      stepsDone: 0,
      stepsTotal: 0
    });
    expect(byId(element, 'empty').textContent).toBe('c.PO_Empty');
    expect(byId(element, 'steps')).toBeNull();
  });

  it('answers a question with its sources and says when the guide does not know', async () => {
    const element = await mount();
    byId(element, 'ask').click();
    await flush();
    expect(askOnboarding).not.toHaveBeenCalled();
    expect(byId(element, 'question').getAttribute('aria-invalid')).toBe('true');
    expect(byId(element, 'question').getAttribute('aria-describedby')).toBe('onboarding-question-error');

    askOnboarding.mockResolvedValue({
      available: true,
      known: true,
      answer: 'Protected for 90 days.',
      sources: ['Protection'],
      engine: 'builtin'
    });
    const q = byId(element, 'question');
    q.value = 'How long is a deal protected?';
    q.dispatchEvent(new CustomEvent('input'));
    byId(element, 'ask').click();
    await flush();
    expect(askOnboarding).toHaveBeenCalledWith({ question: 'How long is a deal protected?' });
    expect(byId(element, 'answer-text').textContent).toBe('Protected for 90 days.');
    expect(byId(element, 'sources').textContent).toBe('c.PO_Assistant_Sources');
    expect(byId(element, 'unknown')).toBeNull();

    askOnboarding.mockResolvedValue({
      available: true,
      known: false,
      answer: 'I could not find this.',
      sources: []
    });
    byId(element, 'ask').click();
    await flush();
    expect(byId(element, 'unknown').textContent).toBe('c.PO_Assistant_Unknown_Hint');

    askOnboarding.mockResolvedValue({
      available: false,
      known: false,
      sources: [],
      message: 'Not available right now.'
    });
    byId(element, 'ask').click();
    await flush();
    expect(byId(element, 'unavailable').textContent).toBe('Not available right now.');
  });
});

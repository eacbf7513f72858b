import { LightningElement } from 'lwc';
import getMyOnboarding from '@salesforce/apex/PartnerOnboardingController.getMyOnboarding';
import completeMyStep from '@salesforce/apex/PartnerOnboardingController.completeMyStep';
import askOnboarding from '@salesforce/apex/PartnerOnboardingController.askOnboarding';
import { formatDate, formatLabel, hasText } from 'c/dealFormat';
import { LABELS } from './labels';

interface StepRow {
  key: string;
  title: string;
  description: string;
  dueText: string;
  overdue: boolean;
  done: boolean;
  partnerOwned: boolean;
  managerOwned: boolean;
  canComplete: boolean;
  evidenceRequired: boolean;
  evidenceHint: string;
  evidence: string;
  unlocksText: string;
  isNext: boolean;
  evidenceId: string;
  errorId: string;
  error: string;
  itemClass: string;
}

/**
 * The partner company's onboarding in the portal: progress, the next step and what it unlocks,
 * every step with its due date, marking a partner step done (with evidence where required), and an
 * assistant that answers onboarding questions from the programme's own guide. Light DOM so the
 * site's SLDS styles reach it in LWR sites; confirmations are inline (no toasts in LWR).
 */
export default class PartnerOnboarding extends LightningElement {
  static override renderMode = 'light' as const;
  labels = LABELS;
  view: PartnerOnboardingView | null = null;
  error: unknown = null;
  loading = false;
  saving = false;
  savedMessage = '';
  evidenceByKey: Record<string, string> = {};
  stepErrors: Record<string, string> = {};
  question = '';
  questionError = '';
  asking = false;
  answer: PartnerOnboardingAnswer | null = null;
  askError: unknown = null;

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.view = await getMyOnboarding();
      this.error = null;
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  get hasOnboarding(): boolean {
    return Boolean(this.view?.exists);
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && this.view !== null && !this.view.exists;
  }

  get percent(): number {
    return Math.round(this.view?.percentComplete ?? 0);
  }

  get progressText(): string {
    return formatLabel(LABELS.Progress, this.view?.stepsDone ?? 0, this.view?.stepsTotal ?? 0);
  }

  get allDone(): boolean {
    return this.hasOnboarding && !this.view?.nextStep;
  }

  get steps(): StepRow[] {
    const next = this.view?.nextStep?.key;
    return (this.view?.steps ?? []).map((s) => {
      const error = this.stepErrors[s.key] ?? '';
      return {
        key: s.key,
        title: s.title,
        description: s.description ?? '',
        dueText: s.dueOn ? formatLabel(LABELS.Due, formatDate(s.dueOn)) : '',
        overdue: s.overdue,
        done: s.done,
        partnerOwned: s.partnerOwned,
        managerOwned: !s.partnerOwned,
        canComplete: s.partnerOwned && !s.done && !s.automatic,
        evidenceRequired: s.evidenceRequired,
        evidenceHint: s.evidenceHint ?? '',
        evidence: s.evidence ?? '',
        unlocksText: s.unlocks ? formatLabel(LABELS.Unlocks, s.unlocks) : '',
        isNext: s.key === next,
        evidenceId: `evidence-${s.key}`,
        errorId: `evidence-error-${s.key}`,
        error,
        itemClass: `slds-box slds-box_x-small slds-m-bottom_x-small${s.key === next ? ' slds-theme_shade' : ''}`
      };
    });
  }

  get nextStep(): StepRow | undefined {
    return this.steps.find((s) => s.isNext);
  }

  handleEvidence(event: Event): void {
    const target = event.target as HTMLInputElement;
    const key = target.dataset.key ?? '';
    this.evidenceByKey = { ...this.evidenceByKey, [key]: target.value };
    if (this.stepErrors[key]) this.stepErrors = { ...this.stepErrors, [key]: '' };
  }

  async handleComplete(event: Event): Promise<void> {
    const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
    const step = this.view?.steps.find((s) => s.key === key);
    if (!step || this.saving) return;
    const evidence = this.evidenceByKey[key] ?? '';
    if (step.evidenceRequired && !hasText(evidence)) {
      this.stepErrors = { ...this.stepErrors, [key]: LABELS.Evidence_Required };
      return;
    }
    this.saving = true;
    this.savedMessage = '';
    try {
      this.view = await completeMyStep({
        stepKey: key,
        evidence: hasText(evidence) ? evidence.trim() : null
      });
      this.savedMessage = LABELS.Step_Saved;
      this.error = null;
    } catch (e) {
      this.stepErrors = { ...this.stepErrors, [key]: messageOf(e) };
    } finally {
      this.saving = false;
    }
  }

  handleQuestion(event: Event): void {
    this.question = (event.target as HTMLTextAreaElement).value;
    this.questionError = '';
  }

  async handleAsk(): Promise<void> {
    if (!hasText(this.question)) {
      this.questionError = LABELS.Question_Required;
      return;
    }
    this.asking = true;
    this.answer = null;
    this.askError = null;
    try {
      this.answer = await askOnboarding({ question: this.question.trim() });
    } catch (e) {
      this.askError = e;
    } finally {
      this.asking = false;
    }
  }

  get hasAnswer(): boolean {
    return Boolean(this.answer?.available);
  }

  get answerUnavailable(): string {
    return this.answer && !this.answer.available ? (this.answer.message ?? '') : '';
  }

  get answerUnknown(): boolean {
    return this.hasAnswer && this.answer?.known === false;
  }

  get sourcesText(): string {
    const sources = this.answer?.sources ?? [];
    return sources.length > 0 ? formatLabel(LABELS.Assistant_Sources, sources.join(', ')) : '';
  }

  get questionInvalid(): string | null {
    return this.questionError ? 'true' : null;
  }

  get questionDescribedBy(): string | null {
    return this.questionError ? 'onboarding-question-error' : null;
  }

  handleRefresh(): void {
    this.savedMessage = '';
    this.load();
  }
}

function messageOf(e: unknown): string {
  const body = (e as { body?: { message?: string } })?.body;
  if (body?.message) return body.message;
  return e instanceof Error ? e.message : String(e);
}

import { LightningElement } from 'lwc';
import getMyStanding from '@salesforce/apex/PartnerOnboardingController.getMyStanding';
import { formatDate, formatLabel, labelOf } from 'c/dealFormat';
import { LABELS } from './labels';

/**
 * The partner's programme tier and what would move them up, from the last tier review's
 * partner-safe standing (never the pending recommendation or the managers' evidence). Light DOM.
 */
export default class PartnerStanding extends LightningElement {
  static override renderMode = 'light' as const;
  labels = LABELS;
  standing: PartnerStandingView | null = null;
  error: unknown = null;

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    try {
      this.standing = await getMyStanding();
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  get loaded(): boolean {
    return this.standing !== null;
  }

  get tierText(): string {
    return formatLabel(LABELS.Tier, labelOf(LABELS, 'Tier', this.standing?.tier));
  }

  get nextHeading(): string {
    return this.standing?.nextTier
      ? formatLabel(LABELS.Next, labelOf(LABELS, 'Tier', this.standing.nextTier))
      : '';
  }

  get isTop(): boolean {
    return Boolean(this.standing?.reviewed && !this.standing.nextTier);
  }

  get gaps(): { key: string; text: string }[] {
    return (this.standing?.gaps ?? []).map((text, i) => ({ key: String(i), text }));
  }

  get hasGaps(): boolean {
    return this.gaps.length > 0;
  }

  get notReviewed(): boolean {
    return this.loaded && !this.standing?.reviewed;
  }

  get reviewedText(): string {
    return this.standing?.reviewedOn
      ? formatLabel(LABELS.Reviewed_On, formatDate(this.standing.reviewedOn))
      : '';
  }
}

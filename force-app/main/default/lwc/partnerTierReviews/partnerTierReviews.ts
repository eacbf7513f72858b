import { LightningElement } from 'lwc';
import getTierReviews from '@salesforce/apex/PartnerConsoleController.getTierReviews';
import decideTierReview from '@salesforce/apex/PartnerConsoleController.decideTierReview';
import { formatLabel, hasText, labelOf } from 'c/dealFormat';
import { LABELS } from './labels';

const ACTION_BADGE: Record<string, string> = {
  PROMOTE: 'slds-badge slds-theme_success',
  KEEP: 'slds-badge',
  AT_RISK: 'slds-badge slds-theme_warning',
  DEMOTE: 'slds-badge slds-theme_error'
};

interface ReviewCard {
  id: string;
  accountName: string;
  actionText: string;
  badgeClass: string;
  changeText: string;
  evidence: { key: string; text: string }[];
  pending: boolean;
  commentId: string;
  commentErrorId: string;
  commentError: string;
  commentInvalid: string | null;
  commentDescribedBy: string | null;
  headingId: string;
}

/**
 * Tier reviews for channel managers: each pending recommendation (promote / demote) with its
 * evidence sentences, approved or rejected through the native approval process (a reason is
 * required to reject), and recent at-risk reviews for information.
 */
export default class PartnerTierReviews extends LightningElement {
  labels = LABELS;
  rows: PartnerTierReviewRow[] = [];
  error: unknown = null;
  loading = false;
  busyId = '';
  comments: Record<string, string> = {};
  commentErrors: Record<string, string> = {};
  decidedMessage = '';

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.rows = await getTierReviews();
      this.error = null;
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  get cards(): ReviewCard[] {
    return this.rows.map((r) => {
      const commentError = this.commentErrors[r.id] ?? '';
      return {
        id: r.id,
        accountName: r.accountName ?? r.accountId,
        actionText: labelOf(LABELS, 'Action', r.action),
        badgeClass: ACTION_BADGE[r.action] ?? 'slds-badge',
        changeText: formatLabel(
          LABELS.Tier_Change,
          labelOf(LABELS, 'Tier', r.currentTier),
          labelOf(LABELS, 'Tier', r.recommendedTier)
        ),
        evidence: r.evidence.map((text, i) => ({ key: `${r.id}-${i}`, text })),
        pending: r.pending,
        commentId: `comment-${r.id}`,
        commentErrorId: `comment-error-${r.id}`,
        commentError,
        commentInvalid: commentError ? 'true' : null,
        commentDescribedBy: commentError ? `comment-error-${r.id}` : null,
        headingId: `review-heading-${r.id}`
      };
    });
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && this.rows.length === 0;
  }

  get busy(): boolean {
    return this.busyId !== '';
  }

  handleComment(event: Event): void {
    const target = event.target as HTMLTextAreaElement;
    const id = target.dataset.reviewId ?? '';
    this.comments = { ...this.comments, [id]: target.value };
    if (this.commentErrors[id]) this.commentErrors = { ...this.commentErrors, [id]: '' };
  }

  handleApprove(event: Event): Promise<void> {
    return this.decide((event.currentTarget as HTMLElement).dataset.reviewId ?? '', 'Approve');
  }

  handleReject(event: Event): Promise<void> {
    return this.decide((event.currentTarget as HTMLElement).dataset.reviewId ?? '', 'Reject');
  }

  private async decide(id: string, decision: 'Approve' | 'Reject'): Promise<void> {
    const comment = this.comments[id] ?? '';
    if (decision === 'Reject' && !hasText(comment)) {
      this.commentErrors = { ...this.commentErrors, [id]: LABELS.Comment_Required };
      return;
    }
    this.busyId = id;
    this.decidedMessage = '';
    try {
      this.rows = await decideTierReview({
        recommendationId: id,
        decision,
        comment: hasText(comment) ? comment.trim() : null
      });
      this.decidedMessage = LABELS.Decided;
      this.error = null;
    } catch (e) {
      this.error = e;
    } finally {
      this.busyId = '';
    }
  }

  handleRefresh(): void {
    this.decidedMessage = '';
    this.load();
  }
}

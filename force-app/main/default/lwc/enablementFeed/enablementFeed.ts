import { LightningElement } from 'lwc';
import getFeed from '@salesforce/apex/EnablementFeedController.getFeed';
import recordFeedback from '@salesforce/apex/EnablementFeedController.recordFeedback';
import { formatLabel } from 'c/dealFormat';
import { nextInstanceId } from 'c/dealPortalUtils';
import { LABELS } from './labels';

type Verdict = 'DONE' | 'NOT_RELEVANT';

interface ItemView {
  id: string;
  title: string;
  summary: string;
  because: string;
  url: string | null;
  typeLabel: string;
  levelLabel: string;
  badgeClass: string;
  doneLabel: string;
  notRelevantLabel: string;
  busy: boolean;
  headingId: string;
}

const TYPE_LABELS: Record<string, string> = {
  TRAINING: LABELS.Type_Training,
  BATTLE_CARD: LABELS.Type_Battle_Card,
  ASSET: LABELS.Type_Asset
};

const BADGE: Record<string, string> = {
  TRAINING: 'slds-badge slds-theme_info',
  BATTLE_CARD: 'slds-badge slds-theme_warning',
  ASSET: 'slds-badge'
};

const LEVEL_LABELS: Record<string, string> = {
  BEGINNER: LABELS.Level_Beginner,
  INTERMEDIATE: LABELS.Level_Intermediate,
  ADVANCED: LABELS.Level_Advanced
};

/**
 * "Recommended for you": the partner company's enablement feed (training, battle cards, marketing
 * assets) ranked from their own registrations, each with the sentence that says why. "Done" and
 * "Not relevant" are stored for the company and the next ranking leaves those items out (and moves
 * items like a dismissed one down); the list re-reads itself after each verdict.
 *
 * Built for LWR sites as well as Aura sites: light DOM, no toasts (confirmations are inline, in a
 * polite live region), no platform events.
 */
export default class EnablementFeed extends LightningElement {
  static override renderMode = 'light' as const;

  labels = LABELS;
  readonly headingId = nextInstanceId('enf-heading');
  loading = true;
  loadError: unknown = undefined;
  actionError: unknown = undefined;
  message = '';
  confirmation = '';
  private raw: EnablementFeedItem[] = [];
  private busyId: string | undefined;

  override connectedCallback(): void {
    // load() reports its own failures (loadError); nothing is left to catch here.
    this.load().catch((error: unknown) => {
      this.loadError = error;
    });
  }

  async load(): Promise<void> {
    this.loading = true;
    this.loadError = undefined;
    try {
      const feed = await getFeed();
      this.raw = feed.items ?? [];
      this.message = feed.available ? (feed.message ?? '') : (feed.message ?? LABELS.Unavailable);
    } catch (error) {
      this.loadError = error;
      this.raw = [];
    } finally {
      this.loading = false;
    }
  }

  get items(): ItemView[] {
    return this.raw.map((i) => ({
      id: i.id,
      title: i.title,
      summary: i.summary ?? '',
      because: i.because ?? '',
      url: i.url ?? null,
      typeLabel: TYPE_LABELS[i.contentType] ?? i.contentType,
      levelLabel: i.level ? (LEVEL_LABELS[i.level] ?? i.level) : '',
      badgeClass: BADGE[i.contentType] ?? 'slds-badge',
      doneLabel: formatLabel(LABELS.Done_Label, i.title),
      notRelevantLabel: formatLabel(LABELS.Not_Relevant_Label, i.title),
      busy: this.busyId === i.id,
      headingId: `${this.headingId}-${i.id}`
    }));
  }

  get hasItems(): boolean {
    return this.raw.length > 0;
  }

  get showEmpty(): boolean {
    return !this.loading && !this.loadError && !this.hasItems;
  }

  get emptyText(): string {
    return this.message || LABELS.Empty;
  }

  async handleRefresh(): Promise<void> {
    this.confirmation = '';
    await this.load();
  }

  async handleDone(event: Event): Promise<void> {
    await this.give(event, 'DONE');
  }

  async handleNotRelevant(event: Event): Promise<void> {
    await this.give(event, 'NOT_RELEVANT');
  }

  private async give(event: Event, verdict: Verdict): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.itemId;
    const item = this.raw.find((i) => i.id === id);
    if (!item || this.busyId) return;
    this.busyId = item.id;
    this.actionError = undefined;
    try {
      await recordFeedback({ contentId: item.id, verdict });
      this.raw = this.raw.filter((i) => i.id !== item.id);
      this.confirmation = formatLabel(
        verdict === 'DONE' ? LABELS.Marked_Done : LABELS.Marked_Not_Relevant,
        item.title
      );
      this.busyId = undefined;
      await this.load();
    } catch (error) {
      this.actionError = error;
      this.busyId = undefined;
    }
  }
}

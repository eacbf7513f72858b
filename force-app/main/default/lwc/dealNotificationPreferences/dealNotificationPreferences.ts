import { LightningElement } from 'lwc';
import getMyPreferences from '@salesforce/apex/DealNotificationPreferenceController.getMyPreferences';
import saveMyPreferences from '@salesforce/apex/DealNotificationPreferenceController.saveMyPreferences';
import { LABELS } from './labels';

/** Channel choices: email and bell, or bell only. */
export const CHANNEL_BOTH = 'both';
export const CHANNEL_BELL = 'bell';

interface ChangeDetail {
  value: string | string[];
}

/**
 * Notification preferences of the signed-in user, in the console and in the partner portal: which
 * registration events to hear about, by email and bell or bell only; channel managers also choose the
 * daily digest and mark themselves out of office (routing then gives new reviews to colleagues).
 * Light DOM and inline confirmation, so it works in LWR sites as in Aura sites and Lightning pages.
 */
export default class DealNotificationPreferences extends LightningElement {
  static override renderMode = 'light' as const;

  labels = LABELS;
  view: DealNotificationPreferenceView | null = null;
  enabled: string[] = [];
  channel: string = CHANNEL_BOTH;
  dailyDigest = false;
  outOfOffice = false;
  outOfOfficeUntil: string | null = null;
  loading = true;
  saving = false;
  saved = false;
  error: unknown = null;

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.apply(await getMyPreferences());
    } catch (e) {
      this.error = e;
    } finally {
      this.loading = false;
    }
  }

  private apply(view: DealNotificationPreferenceView): void {
    this.view = view;
    this.enabled = view.events.filter((e) => e.enabled).map((e) => e.code);
    this.channel = view.bellOnly ? CHANNEL_BELL : CHANNEL_BOTH;
    this.dailyDigest = view.dailyDigest === true;
    this.outOfOffice = view.outOfOffice === true;
    this.outOfOfficeUntil = view.outOfOfficeUntil ?? null;
  }

  get ready(): boolean {
    return !this.loading && this.view !== null;
  }

  get isManager(): boolean {
    return this.view?.audience === 'manager';
  }

  get eventOptions(): { label: string; value: string }[] {
    return (this.view?.events ?? []).map((e) => ({ label: e.label, value: e.code }));
  }

  get channelOptions(): { label: string; value: string }[] {
    return [
      { label: LABELS.Channel_Both, value: CHANNEL_BOTH },
      { label: LABELS.Channel_Bell, value: CHANNEL_BELL }
    ];
  }

  get noneSelected(): boolean {
    return this.enabled.length === 0;
  }

  get untilDisabled(): boolean {
    return !this.outOfOffice;
  }

  get saveDisabled(): boolean {
    return this.saving;
  }

  handleEvents(event: CustomEvent<ChangeDetail>): void {
    const value = event.detail.value;
    this.enabled = Array.isArray(value) ? [...value] : [value];
    this.saved = false;
  }

  handleChannel(event: CustomEvent<ChangeDetail>): void {
    this.channel = String(event.detail.value);
    this.saved = false;
  }

  handleDigest(event: Event): void {
    this.dailyDigest = (event.target as HTMLInputElement).checked;
    this.saved = false;
  }

  handleOutOfOffice(event: Event): void {
    this.outOfOffice = (event.target as HTMLInputElement).checked;
    if (!this.outOfOffice) this.outOfOfficeUntil = null;
    this.saved = false;
  }

  handleUntil(event: CustomEvent<ChangeDetail>): void {
    const value = event.detail.value;
    this.outOfOfficeUntil = typeof value === 'string' && value ? value : null;
    this.saved = false;
  }

  async handleSave(): Promise<void> {
    this.saving = true;
    this.saved = false;
    this.error = null;
    try {
      const view = await saveMyPreferences({
        input: {
          enabledEvents: this.enabled,
          bellOnly: this.channel === CHANNEL_BELL,
          dailyDigest: this.isManager && this.dailyDigest,
          outOfOffice: this.isManager && this.outOfOffice,
          outOfOfficeUntil: this.isManager && this.outOfOffice ? this.outOfOfficeUntil : null
        }
      });
      this.apply(view);
      this.saved = true;
    } catch (e) {
      this.error = e;
    } finally {
      this.saving = false;
    }
  }
}

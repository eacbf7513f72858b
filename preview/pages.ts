/**
 * Every page of the preview, one entry each: the server routes, the navigation and the list on `/`
 * are all read from here. A feature adds its page with one entry (and its components to
 * client/components.js: PARTNER for partner pages, CONSOLE for channel-manager pages).
 *
 * `body` is HTML with `data-component="c-…"` slots that client/page.js fills with the real
 * components (`data-props` sets public properties as JSON).
 */
export interface PreviewPage {
  /** `/portal/<slug>` for partner pages, `/console` or `/console/<slug>` for manager pages. */
  path: string;
  audience: 'partner' | 'manager';
  /** Heading and navigation text. */
  title: string;
  body: string;
}

const col = (size: string, component: string) =>
  `<div class="slds-col slds-size_1-of-1 ${size} slds-m-bottom_medium" data-component="${component}"></div>`;

export const PAGES: readonly PreviewPage[] = [
  {
    path: '/portal/new',
    audience: 'partner',
    title: 'Register a deal',
    body: '<div data-component="c-deal-registration-form"></div>'
  },
  {
    path: '/portal/registrations',
    audience: 'partner',
    title: 'My registrations',
    body: '<div data-component="c-my-deal-registrations"></div>'
  },
  {
    path: '/portal/notifications',
    audience: 'partner',
    title: 'Notification preferences',
    body: '<div data-component="c-deal-notification-preferences"></div>'
  },
  {
    path: '/portal/onboarding',
    audience: 'partner',
    title: 'Onboarding',
    body: `<div class="slds-grid slds-wrap slds-gutters">
  ${col('slds-large-size_8-of-12', 'c-partner-onboarding')}
  ${col('slds-large-size_4-of-12', 'c-partner-standing')}
</div>`
  },
  {
    path: '/portal/enablement',
    audience: 'partner',
    title: 'Recommended for you',
    body: '<div data-component="c-enablement-feed"></div>'
  },
  {
    path: '/console',
    audience: 'manager',
    title: 'Review console',
    body: `<div class="slds-grid slds-wrap slds-gutters">
  ${col('slds-large-size_7-of-12', 'c-deal-review-queue')}
  ${col('slds-large-size_5-of-12', 'c-deal-score-card')}
  ${col('', 'c-deal-program-metrics')}
</div>`
  },
  {
    path: '/portal/mdf-claim',
    audience: 'partner',
    title: 'Claim MDF',
    // The Northwind fund request (preview/org/mdf.ts); Blue River's page shows "not found".
    body: '<div data-component="c-mdf-claim" data-props=\'{"recordId":"0ZUPV0000000001AAA"}\'></div>'
  },
  {
    path: '/console/mdf-review',
    audience: 'manager',
    title: 'MDF claim review',
    // The seeded Blue River claim and the registration it is tied to (its score card links it).
    body: `<div class="slds-grid slds-wrap slds-gutters">
  <div class="slds-col slds-size_1-of-1 slds-large-size_7-of-12 slds-m-bottom_medium" data-component="c-mdf-claim-review" data-props='{"recordId":"0ZVPV0000000001AAA"}'></div>
  <div class="slds-col slds-size_1-of-1 slds-large-size_5-of-12 slds-m-bottom_medium" data-component="c-deal-score-card" data-props='{"recordId":"a01PV0000000002AAA"}'></div>
</div>`
  },
  {
    path: '/console/notifications',
    audience: 'manager',
    title: 'Notification preferences',
    body: '<div data-component="c-deal-notification-preferences"></div>'
  },
  {
    path: '/console/forecast',
    audience: 'manager',
    title: 'Channel forecast',
    body: '<div data-component="c-channel-forecast"></div>'
  },
  {
    path: '/console/partners',
    audience: 'manager',
    title: 'Partner tiers and onboarding',
    body: `<div class="slds-grid slds-wrap slds-gutters">
  ${col('slds-large-size_7-of-12', 'c-partner-tier-reviews')}
  ${col('slds-large-size_5-of-12', 'c-stalled-onboardings')}
</div>`
  }
];

export const pageByPath = (path: string): PreviewPage | undefined => PAGES.find((p) => p.path === path);

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
  }
];

export const pageByPath = (path: string): PreviewPage | undefined => PAGES.find((p) => p.path === path);

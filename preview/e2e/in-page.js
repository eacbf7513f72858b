// Functions the browser journeys run inside the page (installed before each page loads). Kept as
// plain browser JavaScript so nothing the Node side's compiler adds reaches the page.
window.previewChecks = {
  /** Every element, walking into open shadow roots. */
  allElements() {
    const all = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return all;
  },

  visible(el) {
    const s = getComputedStyle(el);
    return el.getClientRects().length > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  },

  /** The element an id reference points at, in the referring element's own tree first. */
  byId(from, id) {
    const root = from.getRootNode();
    let found = null;
    try {
      found = root !== document && root.querySelector ? root.querySelector(`#${CSS.escape(id)}`) : null;
    } catch {
      found = null;
    }
    return found || document.getElementById(id);
  },

  /** Field errors axe does not judge: an invalid control names a visible message; a visible error message is named by its control. */
  fieldErrorProblems() {
    const all = this.allElements();
    const nameOf = (el) =>
      el.getAttribute('name') || el.getAttribute('aria-label') || el.id || el.tagName.toLowerCase();
    const problems = [];
    const described = new Set();
    for (const el of all) {
      if (el.getAttribute('aria-invalid') !== 'true' || !this.visible(el)) continue;
      const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      const targets = ids.map((id) => this.byId(el, id)).filter(Boolean);
      targets.forEach((t) => described.add(t));
      if (!targets.some((t) => this.visible(t) && (t.textContent || '').trim() !== '')) {
        problems.push(`${nameOf(el)} is aria-invalid but its aria-describedby names no visible message`);
      }
    }
    for (const el of all) {
      if (!el.classList.contains('slds-form-element__help') || !this.visible(el)) continue;
      if (!el.closest('.slds-has-error') || (el.textContent || '').trim() === '') continue;
      if (!described.has(el)) {
        problems.push(`error message "${(el.textContent || '').trim()}" is not tied to an invalid control`);
      }
    }
    return problems;
  },

  focusedTag() {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? el.tagName.toLowerCase() : '';
  },

  /** The deepest focused element's accessible text: its label, aria-label or own text. */
  focusedName() {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const label = el.labels && el.labels[0] ? el.labels[0].textContent : '';
    const labelledBy = (el.getAttribute('aria-labelledby') || '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => {
        const t = this.byId(el, id);
        return t ? t.textContent : '';
      })
      .join(' ');
    return (el.getAttribute('aria-label') || label || labelledBy || el.textContent || '')
      .replace(/\s+/g, ' ')
      .trim();
  },

  /**
   * axe on the whole document, except that the `region` rule (all content inside landmarks) does not
   * judge the tooltip bubbles lightning-helptext appends to <body>, as Lightning does on every page.
   */
  async runAxe(disabled) {
    // lightning-helptext's tooltip bubble (role=tooltip, on <body>) fills its text when it shows and
    // fades out for 0.1 s when it hides; judged in between it has no name. Wait, at most a second,
    // until every bubble is either hidden or named; a bubble still shown without a name fails below.
    const settling = () =>
      [...document.querySelectorAll('[id^="salesforce-lightning-tooltip-bubble"]')].some((bubble) => {
        const popover = (bubble.shadowRoot || bubble).querySelector('.slds-popover') || bubble;
        const hidden = getComputedStyle(popover).visibility === 'hidden';
        return !hidden && !(bubble.textContent || '').trim();
      });
    for (let i = 0; i < 20 && settling(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const rules = Object.fromEntries([...disabled, 'region'].map((id) => [id, { enabled: false }]));
    const r = await window.axe.run(document, { rules, resultTypes: ['violations', 'incomplete'] });
    const region = await window.axe.run(
      { include: [document], exclude: [['[id^="salesforce-lightning-tooltip-bubble"]']] },
      { runOnly: { type: 'rule', values: ['region'] }, resultTypes: ['violations'] }
    );
    return {
      violations: [...r.violations, ...region.violations].map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target))
      })),
      incomplete: r.incomplete.length
    };
  }
};

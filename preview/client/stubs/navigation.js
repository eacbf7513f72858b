// Stand-in for `lightning/navigation`: there are no record pages in the preview, so navigation
// is announced to the host page, which says where Salesforce would go.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function urlOf(pageReference) {
  const attrs = (pageReference && pageReference.attributes) || {};
  return attrs.recordId ? `#record/${attrs.recordId}` : '#';
}

export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageReference) {
      window.dispatchEvent(new CustomEvent('preview:navigate', { detail: pageReference }));
    }
    [GenerateUrl](pageReference) {
      return Promise.resolve(urlOf(pageReference));
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export class CurrentPageReference {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  connect() {
    this.dataCallback({ type: 'standard__namedPage', attributes: { pageName: 'home' }, state: {} });
  }
  update() {}
  disconnect() {}
}

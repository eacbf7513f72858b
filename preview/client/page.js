// Mounts the real components into the host page the server wrote: which page and persona come
// from window.PREVIEW. The host page draws toasts and navigation notices, as the platform does.
import { createElement } from 'lwc';

function toastHost() {
  const region = document.getElementById('toasts');
  let shown = 0;
  document.addEventListener('lightning__showtoast', (event) => {
    const { title, message, variant } = event.detail || {};
    const toast = document.createElement('div');
    toast.className = `slds-notify slds-notify_toast slds-theme_${variant === 'error' ? 'error' : variant === 'warning' ? 'warning' : variant === 'success' ? 'success' : 'info'}`;
    toast.setAttribute('data-preview', 'toast');
    shown += 1;
    toast.setAttribute('data-seq', String(shown));
    region.setAttribute('data-shown', String(shown));
    const body = document.createElement('div');
    body.className = 'slds-notify__content';
    const h = document.createElement('h2');
    h.className = 'slds-text-heading_small';
    h.textContent = title || '';
    body.appendChild(h);
    if (message) {
      const p = document.createElement('p');
      p.textContent = message;
      body.appendChild(p);
    }
    toast.appendChild(body);
    region.appendChild(toast);
    setTimeout(() => toast.remove(), 8000);
  });
  window.addEventListener('preview:navigate', (event) => {
    const ref = event.detail || {};
    const notice = document.getElementById('navigation-notice');
    const id = ref.attributes && ref.attributes.recordId;
    notice.textContent = id
      ? `In Salesforce this opens the record page of ${id}.`
      : 'In Salesforce this navigates away.';
  });
}

export function mount(components) {
  toastHost();
  const page = (globalThis.PREVIEW && globalThis.PREVIEW.page) || '';
  for (const slot of document.querySelectorAll('[data-component]')) {
    const name = slot.getAttribute('data-component');
    const ctor = components[name];
    if (!ctor) throw new Error(`page ${page}: no component ${name} in this bundle`);
    const element = createElement(name, { is: ctor });
    const props = slot.getAttribute('data-props');
    if (props) Object.assign(element, JSON.parse(props));
    slot.appendChild(element);
  }
}

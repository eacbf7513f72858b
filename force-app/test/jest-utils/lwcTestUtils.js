// Shared LWC Jest helpers: mounting, querying, flushing and cleaning up, plus Apex mock factories.
// jest.mock() calls stay at the top of each test file (Jest hoists them); a factory that needs more
// than `() => ({ default: jest.fn() })` requires its body from here, e.g.
//   jest.mock('@salesforce/apex/Ctrl.wiredMethod', () => require('<path>/lwcTestUtils').apexWireMock(), {
//     virtual: true
//   });
import { createElement } from 'lwc';

/** Module body for a wired Apex method: a test wire adapter whose emit() delivers data. */
export function apexWireMock() {
  const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
  return { default: createApexTestWireAdapter(jest.fn()) };
}

/** Lets pending promise callbacks (and the re-renders they cause) run: `rounds` microtask turns. */
export async function flushPromises(rounds) {
  for (let i = 0; i < rounds; i += 1) {
    await Promise.resolve();
  }
}

/** Creates the component, sets the given public properties and attaches it to the document. */
export function mountElement(tagName, constructor, props = {}) {
  const element = createElement(tagName, { is: constructor });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

/** Where a component's template renders: its shadow root, or the element itself for light DOM. */
export function rootOf(element) {
  return element.shadowRoot || element;
}

/** The first node in the element's template (shadow or light DOM) with data-id="<id>". */
export function byId(element, id) {
  return rootOf(element).querySelector(`[data-id="${id}"]`);
}

/** Every node in the element's template (shadow or light DOM) matching the selector. */
export function queryAll(element, selector) {
  return Array.from(rootOf(element).querySelectorAll(selector));
}

/** Removes every mounted component (call from afterEach). */
export function clearDom() {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}

/** Sets the value of an input (or lightning-input stub) and fires the change event the component listens to. */
export function changeValue(node, value) {
  node.value = value;
  node.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

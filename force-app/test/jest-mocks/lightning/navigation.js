// Shared NavigationMixin mock: the last navigate() call is kept for assertions.
let lastPageReference = null;
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');
export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference, replace) {
      lastPageReference = { pageReference, replace };
    }
    [GenerateUrl](pageReference) {
      return Promise.resolve(`/mock/${pageReference.attributes && pageReference.attributes.recordId}`);
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
export const CurrentPageReference = jest.fn();
export function getLastNavigation() {
  return lastPageReference;
}

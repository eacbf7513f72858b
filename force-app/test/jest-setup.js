// Registers toBeAccessible() (@sa11y/jest) for every LWC test.
const { setup } = require('@sa11y/jest');
setup();

// axe-core (toBeAccessible) walks the whole rendered tree; on a loaded machine one run can take
// longer than Jest's default 5 s, which would fail a test that is not wrong.
jest.setTimeout(30000);

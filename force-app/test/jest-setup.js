// Registers toBeAccessible() (@sa11y/jest) for every LWC test.
const { setup } = require('@sa11y/jest');
setup();

// Partner pages as an Aura site (synthetic shadow: the global SLDS stylesheet reaches inside).
import '@lwc/synthetic-shadow';
import { mount } from './page.js';
import { PARTNER } from './components.js';

mount(PARTNER);

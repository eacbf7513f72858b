// The channel manager console as in Lightning Experience (synthetic shadow).
import '@lwc/synthetic-shadow';
import { mount } from './page.js';
import { CONSOLE } from './components.js';

mount(CONSOLE);

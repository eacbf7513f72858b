// Partner pages as an LWR site (native shadow DOM; components styled only by what they carry).
import { mount } from './page.js';
import { PARTNER } from './components.js';

mount(PARTNER);

import { elementChildren, findAll, textOf } from '../project.mjs';
import { metadataTypes } from '../enums.mjs';

// Lightning web component targets. The Metadata API types `targets` as plain strings, and no package
// this project can install lists the values, so this is a hand list, from the LWC Developer Guide,
// "XML Configuration File Elements" (targets), Summer '24 / API 62.0.
const LWC_TARGETS = new Set([
  'analytics__Dashboard',
  'lightning__AppPage',
  'lightning__ChatMessage',
  'lightning__Dashboard',
  'lightning__FlowAction',
  'lightning__FlowScreen',
  'lightning__GlobalAction',
  'lightning__HomePage',
  'lightning__Inbox',
  'lightning__RecordAction',
  'lightning__RecordPage',
  'lightning__Tab',
  'lightning__UrlAddressable',
  'lightning__UtilityBar',
  'lightning__VoiceExtension',
  'lightningCommunity__Default',
  'lightningCommunity__Page',
  'lightningCommunity__Page_Layout',
  'lightningCommunity__Theme_Layout',
  'lightningSnapin__ChatHeader',
  'lightningSnapin__ChatMessage',
  'lightningSnapin__Minimized',
  'lightningSnapin__PreChat',
  'lightningStatic__Email'
]);

export default {
  name: 'enumerated-values',
  description:
    'every element whose Metadata API type is an enumeration holds one of its values (field types, sharing ' +
    'models, credential parameter types, approval and workflow operations, FlexiPage and region types...: ' +
    'the sets come from @salesforce/types, the WSDL as TypeScript); LWC targets and targetConfig targets ' +
    'are known targets (a cited hand list) and listed in <targets>',
  run(ctx) {
    const { enums, types, source } = metadataTypes();
    const visit = (file, node, typeName, path) => {
      const props = types.get(typeName);
      if (!props) return;
      for (const c of elementChildren(node)) {
        const ref = props.get(c.name);
        if (!ref) continue;
        const allowed = enums.get(ref);
        if (allowed) {
          const v = textOf(c);
          if (!allowed.has(v)) {
            const list = [...allowed].slice(0, 12).join(', ') + (allowed.size > 12 ? ', ...' : '');
            ctx.report(file, `${path}/${c.name}: "${v}" is not a ${ref} (${list}; from ${source})`);
          }
        } else if (types.has(ref)) visit(file, c, ref, `${path}/${c.name}`);
      }
    };
    for (const [file, r] of ctx.parsed) {
      visit(file, r, r.name, r.name);
      if (r.name !== 'LightningComponentBundle') continue;
      const declared = findAll(r, 'target').map(textOf);
      for (const t of declared) {
        if (!LWC_TARGETS.has(t)) ctx.report(file, `targets: "${t}" is not a Lightning web component target`);
      }
      for (const tc of findAll(r, 'targetConfig')) {
        for (const t of (tc.attrs.targets ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)) {
          if (!declared.includes(t))
            ctx.report(file, `targetConfig targets="${t}" is not listed in <targets>`);
        }
      }
    }
  }
};

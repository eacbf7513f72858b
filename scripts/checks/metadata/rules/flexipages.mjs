import { childText, findAll, textOf } from '../project.mjs';

// Standard Lightning page components and templates are not listed in any package this project can
// install (neither the Metadata API WSDL nor lightning-base-components carries them), so this is a
// hand list, from the Salesforce Help "Standard Lightning Page Components" and the Lightning App
// Builder's template list (Summer '24 / API 62.0). Add a name here when a page starts using one;
// the point is that a misspelled name fails here instead of at deploy.
const STANDARD_COMPONENTS = new Set([
  'flexipage:accordion',
  'flexipage:filterListCard',
  'flexipage:fieldSection',
  'flexipage:column',
  'flexipage:recentItems',
  'flexipage:reportChart',
  'flexipage:richText',
  'flexipage:tab',
  'flexipage:tabset',
  'flexipage:visualforcePage',
  'flexipage:aura',
  'force:detailPanel',
  'force:highlightsPanel',
  'force:recordDetailPanelMobile',
  'force:relatedListContainer',
  'force:relatedListSingleContainer',
  'force:relatedListQuickLinksContainer',
  'force:relatedRecordContainer',
  'forceChatter:recordFeedContainer',
  'forceChatter:publisher',
  'forceChatter:feed',
  'runtime_sales_activities:activityPanel',
  'runtime_approval_process:approvalHistory',
  'lst:dynamicRelatedList',
  'lst:relatedListQuickLinksContainer',
  'record_flexipage:dynamicHighlights',
  'home:assistant',
  'home:recentRecordContainer',
  'home:topDealsContainer',
  'flowruntime:interview',
  'wave:waveDashboard',
  'console:history',
  'console:relatedRecord'
]);
const STANDARD_TEMPLATES = new Set([
  'flexipage:appHomeTemplateDesktop',
  'flexipage:appHomeTemplateHeaderOneColumn',
  'flexipage:appHomeTemplateHeaderTwoColumns',
  'flexipage:appHomeTemplateHeaderThreeColumns',
  'flexipage:appHomeTemplateOneColumn',
  'flexipage:appHomeTemplateTwoColumns',
  'flexipage:appHomeTemplateThreeColumns',
  'flexipage:appHomeTemplateSidebar',
  'flexipage:defaultAppHomeTemplate',
  'flexipage:recordHomeTemplateDesktop',
  'flexipage:recordHomeSingleColTemplateDesktop',
  'flexipage:recordHomeSimpleViewTemplate',
  'flexipage:recordHomeThreeColTemplateDesktop',
  'flexipage:recordHomeTwoColEqualHeaderTemplateDesktop',
  'flexipage:recordHomeWithSubheaderTemplateDesktop',
  'flexipage:homeTemplateDesktop',
  'flexipage:homeTemplateTwoColumns',
  'flexipage:homeTemplateThreeColumns',
  'runtime_service_fieldservice:recordHomeTemplate'
]);

export default {
  name: 'flexipages',
  description:
    "Lightning pages: the record page's object, this project's components (c: or no namespace), standard " +
    'components and templates (a cited hand list) exist',
  run(ctx) {
    for (const [file, r] of ctx.byType('FlexiPage')) {
      const sobject = childText(r, 'sobjectType');
      if (sobject && !ctx.isKnownObject(sobject)) ctx.report(file, `sobjectType: unknown object ${sobject}`);
      for (const c of findAll(r, 'componentName')) {
        const name = textOf(c);
        // No namespace or the c namespace: one of this project's components.
        const m = /^(?:c:)?(\w+)$/.exec(name);
        if (m && !ctx.lwcBundles.has(m[1])) ctx.report(file, `component ${name} not found in lwc/`);
        if (!m && !STANDARD_COMPONENTS.has(name))
          ctx.report(file, `component ${name} is not a standard Lightning page component`);
      }
      const template = childText(childOrEmpty(r, 'template'), 'name');
      if (template && !STANDARD_TEMPLATES.has(template))
        ctx.report(file, `template ${template} is not a standard Lightning page template`);
    }
  }
};

function childOrEmpty(node, name) {
  return node.children.find((c) => c.name === name) ?? { children: [] };
}

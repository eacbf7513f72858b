import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RulesetList } from '../schemas';
import { availableRulesets } from '../engine/rulesets';
import { ERROR_RESPONSES } from './errorResponses';

/** GET /v1/rulesets: the ruleset versions a request may name in settings.rulesetVersion. */
export const rulesetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/rulesets',
    {
      schema: {
        operationId: 'listRulesets',
        summary: 'Rulesets this service can score with (default first)',
        tags: ['scoring'],
        security: [{ bearerAuth: [] }],
        response: { 200: { ...RulesetList, description: 'Available rulesets' }, ...ERROR_RESPONSES }
      }
    },
    async () => ({ rulesets: availableRulesets() })
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ForecastRequest, ForecastResponse, FORECAST_LIMITS } from '../forecast/schemas';
import { forecast } from '../forecast/forecast';
import { defineTask } from '../worker/task';
import type { Offloader } from '../worker/pool';
import { ERROR_RESPONSES } from './errorResponses';

export const forecastTask = defineTask(__filename, 'forecast', (input: ForecastRequest) => forecast(input));

/**
 * The cost of a forecast in the Offloader's units (records the engine looks at): every open deal
 * is drawn `simulations` times, so even a few hundred deals belong on the worker pool.
 */
export function forecastCost(body: ForecastRequest): number {
  let deals = 0;
  for (const d of body.pipeline) deals += d.count ?? 1;
  const draws = body.simulations ?? FORECAST_LIMITS.simulations.default;
  return Math.ceil(((deals + body.history.registrations.length / 10) * draws) / 1000);
}

/** POST /v1/forecast: the channel pipeline forecast per quarter and segment. */
export const forecastRoutes: FastifyPluginAsyncTypebox<{ offload: Offloader }> = async (app, opts) => {
  app.post(
    '/forecast',
    {
      bodyLimit: FORECAST_LIMITS.bodyBytes,
      schema: {
        operationId: 'forecastPipeline',
        summary:
          'Forecast closed-won channel revenue per quarter and segment (P10/P50/P90, drivers, insights)',
        tags: ['forecast'],
        security: [{ bearerAuth: [] }],
        body: ForecastRequest,
        response: {
          200: { ...ForecastResponse, description: 'One entry per quarter from the current one' },
          ...ERROR_RESPONSES
        }
      }
    },
    async (request) => opts.offload.run(forecastTask, request.body, forecastCost(request.body))
  );
};

import { childText } from '../project.mjs';

export default {
  name: 'subscriber-configs',
  description: 'platform-event subscriber configs name an existing trigger on a platform event',
  run(ctx) {
    for (const [file, r] of ctx.byType('PlatformEventSubscriberConfig')) {
      const consumer = childText(r, 'platformEventConsumer');
      const trig = ctx.triggers.get(consumer);
      if (!trig) ctx.report(file, `platformEventConsumer: trigger ${consumer} not found`);
      else if (!/\bon\s+\w+__e\s*\(/i.test(trig))
        ctx.report(file, `platformEventConsumer: ${consumer} is not a platform event trigger`);
    }
  }
};

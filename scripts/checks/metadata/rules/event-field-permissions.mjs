import { childText, childrenNamed } from '../project.mjs';

export default {
  name: 'event-field-permissions',
  description:
    'no permission set or profile grants field permissions on a platform-event (__e) field: field-level ' +
    'security does not apply to event fields, and the deploy rejects them',
  run(ctx) {
    for (const type of ['PermissionSet', 'Profile']) {
      for (const [file, r] of ctx.byType(type)) {
        for (const fp of childrenNamed(r, 'fieldPermissions')) {
          const ref = childText(fp, 'field') ?? '';
          if (/^\w+__e\./.test(ref)) {
            ctx.report(file, `fieldPermissions ${ref}: platform-event fields take no field permissions`);
          }
        }
      }
    }
  }
};

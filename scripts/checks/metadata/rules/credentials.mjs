import { childText, childrenNamed } from '../project.mjs';

export default {
  name: 'credentials',
  description: 'named credentials: the external credential each parameter names exists',
  run(ctx) {
    for (const [file, r] of ctx.byType('NamedCredential')) {
      for (const p of childrenNamed(r, 'namedCredentialParameters')) {
        const ec = childText(p, 'externalCredential');
        if (ec && !ctx.externalCredentials.has(ec))
          ctx.report(file, `namedCredentialParameters: unknown external credential ${ec}`);
      }
    }
  }
};

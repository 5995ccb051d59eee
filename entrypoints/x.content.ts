import { startGuard } from '../content/guard';
import { createUi } from '../components/ui';
import { createEngine } from '../lib/packs';
import type { Engine } from '../lib/rules/engine';
import { xAdapter } from '../sites/x';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  runAt: 'document_start',
  main(ctx) {
    let engine: Engine | undefined;
    startGuard({ adapter: xAdapter, engine: () => (engine ??= createEngine()), ui: createUi(), signal: ctx.signal });
    document.documentElement.setAttribute('data-jaga-netral', 'active');
    ctx.signal.addEventListener('abort', () => document.documentElement.removeAttribute('data-jaga-netral'));
  },
});

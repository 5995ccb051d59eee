import { startGuard } from '../content/guard';
import { createUi } from '../components/ui';
import { createEngine } from '../lib/packs';
import type { Engine } from '../lib/rules/engine';
import { xAdapter, xMedia } from '../sites/x';
import { watchAttachments } from '../content/attachments';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  runAt: 'document_start',
  main(ctx) {
    let engine: Engine | undefined;
    // photo check (issue #4): photos are checked as they are attached, in the extension's engine
    const watcher = watchAttachments({ adapter: xAdapter, media: xMedia, signal: ctx.signal });
    startGuard({ adapter: xAdapter, engine: () => (engine ??= createEngine()), ui: createUi(), signal: ctx.signal, photos: { watcher } });
    document.documentElement.setAttribute('data-jaga-netral', 'active');
    ctx.signal.addEventListener('abort', () => document.documentElement.removeAttribute('data-jaga-netral'));
  },
});

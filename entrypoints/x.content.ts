import { startSite } from '../content/start';
import { xAdapter } from '../sites/x';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  runAt: 'document_start',
  main(ctx) {
    startSite(xAdapter, ctx);
  },
});

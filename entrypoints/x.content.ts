import { startSite } from '../content/start';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  runAt: 'document_start',
  main(ctx) {
    startSite('x', ctx);
  },
});

import { startSite } from '../content/start';
import { instagramAdapter } from '../sites/instagram';

export default defineContentScript({
  matches: ['https://www.instagram.com/*'],
  runAt: 'document_start',
  main(ctx) {
    startSite(instagramAdapter, ctx);
  },
});

import { startSite } from '../content/start';

export default defineContentScript({
  // m.facebook.com is not covered (see README): its composers are different pages with plain forms.
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  runAt: 'document_start',
  main(ctx) {
    startSite('facebook', ctx);
  },
});

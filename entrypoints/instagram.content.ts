import { startSite } from '../content/start';

export default defineContentScript({
  matches: ['https://www.instagram.com/*'],
  runAt: 'document_start',
  main(ctx) {
    startSite('instagram', ctx);
  },
});

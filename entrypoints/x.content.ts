export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  runAt: 'document_start',
  main() {
    console.debug('[jaga-netral] x content script');
  },
});

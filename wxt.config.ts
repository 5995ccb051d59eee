import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { buildModels } from './scripts/build-models';

/**
 * Jaga Netral never renders raw HTML. Preact still ships the one innerHTML sink behind
 * `dangerouslySetInnerHTML`; this turns it into a text assignment so the bundle has no dynamic
 * innerHTML at all (Firefox's add-on linter flags it, and reviewers rightly ask). The build fails
 * if a Preact update moves the code, so the guarantee can't silently lapse.
 */
function preactWithoutInnerHtml(): Plugin {
  const sink = /\((\w+)\.innerHTML=(\w+)\.__html\)/;
  return {
    name: 'jaga-netral:preact-without-innerhtml',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.(module\.)?m?js$/.test(id)) return null;
      if (!sink.test(code)) this.error(`preact's innerHTML sink not found in ${id}: update preactWithoutInnerHtml()`);
      return { code: code.replace(sink, '($1.textContent=$2.__html)'), map: null };
    },
  };
}

/**
 * MediaPipe Tasks loads its wasm glue with a <script> tag in a document (our offscreen document,
 * Firefox's background page) and with importScripts in a classic worker; only in a module worker
 * does it fall back to `import(url)` with a computed URL. We never run it there, so that branch
 * becomes an error: no dynamic import of a computed URL is left in the bundle (Firefox's linter
 * flags it). The build fails if an update moves the code.
 */
function mediapipeWithoutDynamicImport(): Plugin {
  const sink = /await import\((\w+)\.toString\(\)\)/;
  return {
    name: 'jaga-netral:mediapipe-without-dynamic-import',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@mediapipe[\\/]tasks-vision[\\/]vision_bundle\.mjs$/.test(id)) return null;
      if (!sink.test(code)) this.error(`MediaPipe's dynamic import not found in ${id}: update mediapipeWithoutDynamicImport()`);
      return { code: code.replace(sink, 'await Promise.reject(new Error("module workers are not supported"))'), map: null };
    },
  };
}

/**
 * Public half of the signing key. It fixes the Chrome/Edge extension id to
 * mekapaehnloejpjllmbgdepkmodmjhin, the id agencies write into their policies
 * (ExtensionInstallForcelist, 3rdparty managed settings). See docs/extension-id.md.
 */
export const CHROME_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmE0gnJMwGs0TxAfZGxlR8BGwx+0iWv/UrhJ2+Pl8Cqb+uy4FrF6pWMeXFxjthgDZBSokvD8iL61SgWns+plxs9tXHxL1lef6qxZy6DoLUg6gC2nZgbB+h00tK1FeisxGVhcVLPGGBcfiJ5j+1YkDDtFhQjzdne96UYq/CESQzd1eyAKD0fH7VEbYM43Uo0Inccp+SLWQGXKSNIyFJrUXVaNm/+ANlTK8DedvXrQRY6ZaHdUohxhDlQtx3tf4wffYjwpIyrNy7gkO4+LQzZa3laiJEvCQmhRqf0AXByevhBh2friA7sx+4GJiMeIKxFW9+X9A0pS/LFnsmaUj84zktQIDAQAB';
export const CHROME_EXTENSION_ID = 'mekapaehnloejpjllmbgdepkmodmjhin';
export const FIREFOX_ADDON_ID = 'jaga-netral@jaga-netral.id';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Jaga Netral',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    // No permissions beyond 'offscreen' (Chrome): the photo check runs in an offscreen document, not
    // in the page. The toolbar action (its per-tab badge says when protection on a site is degraded)
    // needs no permission.
    permissions: browser === 'firefox' ? [] : ['offscreen'],
    action: { default_title: '__MSG_extName__' },
    // MediaPipe's wasm needs 'wasm-unsafe-eval'; nothing else is relaxed, no remote code.
    content_security_policy:
      browser === 'firefox'
        ? ("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" as unknown as Record<string, string>)
        : { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ADDON_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { key: CHROME_PUBLIC_KEY }),
  }),
  hooks: {
    // the hand model bundle and MediaPipe's wasm (public/vision/), built from npm packages
    'build:before': () => buildModels(false),
  },
  vite: () => ({
    plugins: [preactWithoutInnerHtml(), mediapipeWithoutDynamicImport()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
  }),
});

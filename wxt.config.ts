import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { buildModels } from './scripts/build-models';
import { findTelemetry } from './scripts/check-no-telemetry';
import { MEDIAPIPE_BUNDLE, withoutTelemetry } from './scripts/mediapipe-telemetry';
import { buildOcr, scanForCdn } from './scripts/build-ocr';

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

/** MediaPipe's usage logger is never created, its address removed (scripts/mediapipe-telemetry.ts). */
function mediapipeWithoutTelemetry(): Plugin {
  return {
    name: 'jaga-netral:mediapipe-without-telemetry',
    enforce: 'pre',
    transform(code, id) {
      if (!MEDIAPIPE_BUNDLE.test(id)) return null;
      try {
        return { code: withoutTelemetry(code, id), map: null };
      } catch (e) {
        this.error(String((e as Error).message));
      }
    },
  };
}

/**
 * Public half of the signing key. It fixes the Chrome/Edge extension id to
 * mekapaehnloejpjllmbgdepkmodmjhin, the id agencies write into their policies
 * (ExtensionInstallForcelist, 3rdparty managed settings). See docs/extension-id.md.
 */
export const CHROME_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmE0gnJMwGs0TxAfZGxlR8BGwx+0iWv/UrhJ2+Pl8Cqb+uy4FrF6pWMeXFxjthgDZBSokvD8iL61SgWns+plxs9tXHxL1lef6qxZy6DoLUg6gC2nZgbB+h00tK1FeisxGVhcVLPGGBcfiJ5j+1YkDDtFhQjzdne96UYq/CESQzd1eyAKD0fH7VEbYM43Uo0Inccp+SLWQGXKSNIyFJrUXVaNm/+ANlTK8DedvXrQRY6ZaHdUohxhDlQtx3tf4wffYjwpIyrNy7gkO4+LQzZa3laiJEvCQmhRqf0AXByevhBh2friA7sx+4GJiMeIKxFW9+X9A0pS/LFnsmaUj84zktQIDAQAB';
/** The extension pages' Content-Security-Policy (Chrome's extension_pages, Firefox MV2's only one). */
export const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "object-src 'self'",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:* http://[::1]:*",
].join('; ');
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
    // storage: the cached policy and settings; alarms: pack refresh and history pruning. Agency packs are
    // fetched with CORS (the agency's server answers Access-Control-Allow-Origin), so no host permission.
    // offscreen (Chrome): the photo check runs in an offscreen document, not in the page. The toolbar
    // action (its per-tab badge says when protection on a site is degraded) needs no permission.
    permissions: browser === 'firefox' ? ['storage', 'alarms'] : ['storage', 'alarms', 'offscreen'],
    action: { default_title: '__MSG_extName__' },
    // MediaPipe's wasm needs 'wasm-unsafe-eval'; nothing else is relaxed, no remote code. The
    // extension's own pages load nothing but their own files; connect-src is as wide as the addresses
    // a policy may name for packs (https anywhere, http on this machine for testing), and the
    // background narrows it to the packs of the policy in force (background/network.ts). The engine's
    // document and the popup/options pages narrow it to 'self' in their own <meta> CSP.
    content_security_policy:
      browser === 'firefox'
        ? (EXTENSION_PAGES_CSP as unknown as Record<string, string>)
        : { extension_pages: EXTENSION_PAGES_CSP },
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
      : // Chrome/Edge keep only the managed-policy keys this schema describes (public/managed_schema.json,
        // generated by scripts/managed-schema.ts). Firefox reads policies.json without one.
        { key: CHROME_PUBLIC_KEY, storage: { managed_schema: 'managed_schema.json' } }),
  }),
  hooks: {
    // the hand model bundle and MediaPipe's wasm (public/vision/), built from npm packages
    'build:before': async () => {
      buildModels(false);
      // the text engine (public/ocr/): tesseract.js' worker, core and language data, no CDN
      await buildOcr(false);
    },
    // nothing leaves the device: no built file may name a Google API host (scripts/check-no-telemetry.ts),
    // nor a CDN (tesseract.js and others default to one)
    'build:done': (wxt) => {
      const hits = findTelemetry(wxt.config.outDir);
      if (hits.length) throw new Error(`the build contains telemetry endpoints:\n${hits.map((h) => `  ${h.file}: ${h.match}`).join('\n')}`);
      const cdn = scanForCdn(wxt.config.outDir);
      if (cdn.length) throw new Error(`CDN addresses in the build: ${cdn.map(([f, h]) => `${f}: ${h}`).join('; ')}`);
    },
  },
  vite: () => ({
    plugins: [preactWithoutInnerHtml(), mediapipeWithoutDynamicImport(), mediapipeWithoutTelemetry()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
  }),
});

/**
 * MediaPipe Tasks 1.1.0 starts a usage logger with every task: it has no option to turn it off (the
 * task's enableLogging() is called unconditionally while the task is created) and it POSTs usage
 * records with an API key to https://odml.pa.googleapis.com/v1/log every 60 s and when the task
 * closes. Nothing may leave the device, so the logger is never created (every use of it in the
 * bundle is guarded by `?.` or `&&`) and its address is removed. Used by the extension's build
 * (wxt.config.ts) and the CLI's headless engine page (vision/headless.ts).
 */
const CREATE = /(\w+)\.o=new \w+\(\w+\.D\(\),\w+,\w+\)/;
const ENDPOINT = /"https:\/\/odml\.pa\.googleapis\.com\/v1\/log"/;

/** The bundle file the logger lives in. */
export const MEDIAPIPE_BUNDLE = /[\\/]@mediapipe[\\/]tasks-vision[\\/]vision_bundle\.mjs$/;

/** The bundle's code without the logger; throws if an update moved the code (so the guarantee can't lapse silently). */
export function withoutTelemetry(code: string, id: string): string {
  if (!CREATE.test(code) || !ENDPOINT.test(code)) throw new Error(`MediaPipe's usage logger not found in ${id}: update scripts/mediapipe-telemetry.ts`);
  return code.replace(CREATE, '$1.o=void 0').replace(ENDPOINT, '"about:invalid"');
}

/** Runs `scan-images` until the `jaga-netral` bin routes to it: npx tsx scripts/scan-images.ts DIR [--pack FILE]... */
import { scanImagesMain } from '../cli/scan-images';

process.exitCode = await scanImagesMain(process.argv.slice(2));

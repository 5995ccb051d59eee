/** Background: one start…() per feature (each in background/). */
import { startHealth } from '../background/health';
import { startPolicy } from '../background/policy';
import { startHistory } from '../background/history';
import { startVision } from '../background/vision';
import { startModel } from '../background/model';

export default defineBackground(() => {
  startVision();
  startHealth();
  startPolicy();
  startHistory();
  startModel();
});

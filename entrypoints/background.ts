/** Background: one start…() per feature (each in background/). */
import { startHealth } from '../background/health';
import { startPolicy } from '../background/policy';
import { startHistory } from '../background/history';

export default defineBackground(() => {
  startHealth();
  startPolicy();
  startHistory();
});

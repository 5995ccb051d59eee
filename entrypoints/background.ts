/** Background: one start…() per feature (each in background/). The network guard goes first. */
import { startNetworkGuard } from '../background/network';
import { startHealth } from '../background/health';
import { startPolicy } from '../background/policy';
import { startHistory } from '../background/history';
import { startVision } from '../background/vision';
import { startModel } from '../background/model';

export default defineBackground(() => {
  startNetworkGuard();
  startVision();
  startHealth();
  startPolicy();
  startHistory();
  startModel();
});

import { startPolicy } from '../background/policy';
import { startHistory } from '../background/history';

export default defineBackground(() => {
  startPolicy();
  startHistory();
});

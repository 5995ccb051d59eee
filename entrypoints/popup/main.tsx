import { render } from 'preact';
import { PopupApp } from '../../pages/popup/App';

render(<PopupApp />, document.getElementById('app')!);

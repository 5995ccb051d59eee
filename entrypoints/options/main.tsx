import { render } from 'preact';
import { OptionsApp } from '../../pages/options/App';

render(<OptionsApp />, document.getElementById('app')!);

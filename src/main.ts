import { mount } from 'svelte';
import App from './App.svelte';
import './ui/global.css';

// DuckDB-wasm is started by App once the first ranking is on screen (the demo does not need it).
const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });

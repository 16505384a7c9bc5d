import { mount } from 'svelte';
import App from './App.svelte';
import { warmUpDuckDB } from './db/duckdb.ts';
import './ui/global.css';

// Start fetching and compiling DuckDB (34 MB of wasm) before anything renders: it is the longest
// part of the first load and runs in its own worker, in parallel with the demo generation.
warmUpDuckDB();

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });

// First: the zod setting must be in place before any schema module is evaluated.
import './lib/zod-jitless.js';
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { pickHost } from './host/pick-host.js';

// The host is chosen once, here; everything else talks to it through lib/actions.
const host = pickHost();
mount(App, { target: document.getElementById('app')!, props: { host } });

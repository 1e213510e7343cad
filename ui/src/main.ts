import { mount } from 'svelte';
import App from './App.svelte';
import { chooseBackend } from './lib/backend/choose';
import './app.css';

const target = document.getElementById('app');
if (target) {
  mount(App, { target, props: { backend: chooseBackend() } });
}

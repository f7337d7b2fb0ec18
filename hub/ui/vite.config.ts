// The hub's screens: the same React stack as the app's renderer, built to out/hub-ui and served
// by thuky-hub itself (no CDN, no network at run time).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: { outDir: path.join(here, '..', '..', 'out', 'hub-ui'), emptyOutDir: true },
});

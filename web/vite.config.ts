// Vite config of the dashboard: `vite build --config web/vite.config.ts` writes web/dist/, which
// `chimera start` serves at / (src/api/dashboard-assets.ts). `vite --config web/vite.config.ts`
// serves it for development, passing the API and the login link through to a running chimera
// (CHIMERA_API_URL, default http://127.0.0.1:7420).

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.CHIMERA_API_URL ?? 'http://127.0.0.1:7420';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/api': api, '/login': api } },
});

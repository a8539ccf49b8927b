import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The UI lives in src/web and is built into dist/web, which the API server serves at /.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});

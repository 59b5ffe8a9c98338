import { defineConfig } from 'vite'
import preact from '@preact/preset-vite'

// The web app: built into web/dist, which the server serves at /.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
})

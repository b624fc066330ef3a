import { defineConfig } from 'vite';
import { courseModulePlugin } from './src/build/course-module.ts';

// One tsconfig serves Vite, the test runner and `tsc --noEmit`: legacy decorators with
// `useDefineForClassFields: false`, or Lit's reactive properties are shadowed in the build.
export default defineConfig({
  base: './',
  plugins: [courseModulePlugin()],
  build: {
    target: 'es2022',
    outDir: 'dist/web',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
  },
});

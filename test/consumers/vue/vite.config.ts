import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    // rr-* tags are custom elements, not Vue components
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('rr-') } } }),
  ],
});

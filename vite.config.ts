import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const SHARED = here("./src/shared/");

/**
 * The shared contracts build zod schemas at module level; the web app uses their constants
 * (languages, roles, unit kinds) and types, not the schemas. Marking each schema construction
 * pure lets the bundler drop the schemas it does not use, and with them most of zod.
 */
function pureSharedSchemas(): Plugin {
  // A top-level `const X = z…;` or `const X = OtherSchema.extend(…);` (a chain may span lines;
  // its last line ends with `;`, and the
  // next line starts at column 0). It becomes `const X = /* @__PURE__ */ (() => z…)();`: an
  // annotation on the chain itself would cover only its first call.
  const schema = /^((?:export )?const \w+(?:: [\w<>.]+)? = )((?:z|[A-Z]\w*)\s*\.[\s\S]*?);\n(?=\S|\n|$)/gm;
  return {
    name: "intersect:pure-shared-schemas",
    enforce: "pre",
    transform(code, id) {
      if (!id.startsWith(SHARED) || !id.endsWith(".ts")) return null;
      return { code: code.replace(schema, "$1/* @__PURE__ */ (() => $2)();\n"), map: null };
    },
  };
}

/** The web app: sources in src/web, built into dist/web, which the server serves at `/`. */
export default defineConfig({
  root: here("./src/web"),
  plugins: [react(), pureSharedSchemas()],
  resolve: {
    // Web code may import the shared contracts only (never server code).
    alias: { "#shared": here("./src/shared") },
  },
  build: {
    outDir: here("./dist/web"),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npx vite` next to a running server (PORT=3100) gives hot reload with the real API.
    proxy: { "/api": "http://127.0.0.1:3100" },
  },
});

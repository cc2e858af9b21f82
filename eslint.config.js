// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import path from 'node:path';

const SRC = path.join(import.meta.dirname, 'src');

/**
 * The layers of src/ and what each may not import (the first folder under src/ names the
 * layer; `except` lists files of a forbidden layer it may still use). Paths are resolved, so
 * src/domain/sync is the domain, not the sync layer.
 */
const FORBIDDEN = {
  domain: {
    layers: ['sync', 'data', 'hub', 'apps', 'ui'],
    why: 'the domain imports only the domain',
  },
  sync: { layers: ['data', 'hub', 'apps', 'ui'], why: 'sync imports only the domain' },
  data: {
    layers: ['sync', 'hub', 'apps', 'ui'],
    except: ['sync/ports.ts'],
    why: 'data implements ports: it imports the domain and the sync ports',
  },
  hub: { layers: ['apps', 'ui'], why: 'the hub never imports the apps or the UI' },
  apps: { layers: ['hub'], why: 'the apps never import the hub' },
  ui: { layers: ['apps'], why: 'the UI imports no app' },
  chain: { layers: ['apps', 'ui'], why: 'the chain service never imports the apps or the UI' },
};

/** The layer of a path under src/ ("domain/queue/x.ts" -> "domain"), or undefined. */
function layerOf(rel) {
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep)[0];
}

/** @type {import('eslint').Rule.RuleModule} */
const layerBoundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const from = path.relative(SRC, context.filename);
    const rules = FORBIDDEN[layerOf(from) ?? ''];
    if (!rules) return {};
    /** @param {import('estree').Node & { source?: unknown }} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const to = path.relative(SRC, path.resolve(path.dirname(context.filename), source.value));
      const layer = layerOf(to);
      if (!layer || !rules.layers.includes(layer)) return;
      if (rules.except?.includes(to.split(path.sep).join('/'))) return;
      context.report({ node: source, message: `src/${to} is off limits: ${rules.why}.` });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'dev-dist', '.tmp', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks, nextup: { rules: { layers: layerBoundaries } } },
    rules: {
      'nextup/layers': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The domain is pure: no UI, storage or transport may leak into it.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'src/domain is pure: no React.',
            },
            { group: ['dexie', 'dexie/*'], message: 'src/domain is pure: no Dexie.' },
            { group: ['mqtt', 'mqtt/*', 'aedes', 'ws'], message: 'src/domain is pure: no MQTT.' },
            {
              group: ['node:*', 'fs', 'path', 'net', 'http'],
              message: 'src/domain is pure: no Node I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // the service worker's scripts (public/push-sw.js, routes-sw.js): plain JS, served as is
    files: ['public/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { self: 'readonly', URL: 'readonly', URLPattern: 'readonly', console: 'readonly' },
    },
  },
);

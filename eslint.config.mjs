// ESLint flat config: Next's rules, zero warnings, and a wall that keeps the engine kernel pure.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'HTMLElement',
  'requestAnimationFrame',
  'fetch',
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      'out/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      'scratch/**',
      '.test-results/**',
    ],
  },
  {
    files: ['lib/plan/**/*.ts', 'lib/engine/**/*.ts', 'lib/import/**/*.ts', 'lib/format/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'lib/plan, lib/engine, lib/import and lib/format are pure: no React.',
            },
            { group: ['@xyflow/*'], message: 'lib/plan, lib/engine, lib/import and lib/format are pure: no React Flow.' },
            { group: ['zustand', 'zustand/*'], message: 'lib/plan, lib/engine, lib/import and lib/format are pure: no store.' },
            { group: ['next', 'next/*'], message: 'lib/plan, lib/engine, lib/import and lib/format are pure: no Next.js.' },
            { group: ['@/components/*', '**/components/*', '@/lib/store/*'], message: 'lib never imports UI.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({ name, message: 'lib/plan, lib/engine, lib/import and lib/format never touch the DOM.' })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The engine is deterministic: use lib/engine/random.' },
        { object: 'Date', property: 'now', message: 'The engine has no wall clock: time is virtual.' },
        { object: 'performance', property: 'now', message: 'The engine has no wall clock: time is virtual.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'The engine has no wall clock: time is virtual.' },
      ],
    },
  },
];

export default config;

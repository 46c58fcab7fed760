/**
 * ESLint rule `layers/only-down`: an import may only reach a layer below its own file's layer.
 *
 *   data ← core ← scenario ← store ← view ← features ← app
 *   i18n and components/ui are leaves beside them: i18n imports nothing of the project,
 *   components/ui only i18n (it takes props and callbacks, and knows no store, core or scenario).
 *   A feature never imports another feature.
 *
 * Relative specifiers (static imports, re-exports, `import()`) are resolved against the importing
 * file, so the rule holds at any folder depth. See docs/architecture.md.
 */
import { dirname, relative, resolve, sep } from 'node:path';

/** What each layer may import, besides itself. */
export const LAYERS = {
  data: [],
  i18n: [],
  core: ['data'],
  scenario: ['core', 'data'],
  store: ['scenario', 'core', 'data'],
  components: ['i18n'],
  view: ['store', 'scenario', 'core', 'data', 'i18n', 'components'],
  features: ['view', 'store', 'scenario', 'core', 'data', 'i18n', 'components'],
  app: ['features', 'view', 'store', 'scenario', 'core', 'data', 'i18n', 'components'],
};

const ORDER = 'data ← core ← scenario ← store ← view ← features ← app (i18n and components/ui are leaves)';

/** `{ layer, feature }` of a path inside `src/`, or null outside it. */
function place(srcRoot, file) {
  const parts = relative(srcRoot, file).split(sep);
  if (parts[0] === '..' || parts.length < 2) return null;
  const layer = parts[0];
  return { layer, feature: layer === 'features' ? parts[1] : null };
}

const onlyDown = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports only look down the layers (docs/architecture.md).' },
    schema: [{ type: 'object', properties: { allow: { type: 'object' } }, additionalProperties: false }],
    messages: {
      up: 'src/{{from}} may not import src/{{to}}: layers only look down ({{order}}).',
      feature: 'features/{{from}} may not import features/{{to}}: features never import each other (share through view/ or components/ui/).',
      unknown: 'src/{{from}} is not a known layer: add it to eslint.layers.js and docs/architecture.md.',
    },
  },
  create(context) {
    const srcRoot = resolve(context.cwd, 'src');
    const here = place(srcRoot, context.filename);
    if (!here) return {};
    const extra = context.options[0]?.allow ?? {};
    const allowed = LAYERS[here.layer];
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      if (!allowed) {
        context.report({ node, messageId: 'unknown', data: { from: here.layer } });
        return;
      }
      const there = place(srcRoot, resolve(dirname(context.filename), specifier));
      if (!there) return;
      if (there.layer === here.layer) {
        if (here.feature !== there.feature) {
          context.report({ node, messageId: 'feature', data: { from: here.feature, to: there.feature } });
        }
        return;
      }
      if (allowed.includes(there.layer) || (extra[here.layer] ?? []).includes(there.layer)) return;
      context.report({ node, messageId: 'up', data: { from: here.layer, to: there.layer, order: ORDER } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'only-down': onlyDown } };

// Lint that guards the project's invariants, not only style.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Queries on records with a scope belong in repositories, which add the caller's scope to every one of them. */
const scopedTableOutsideRepository = {
  selector: "CallExpression[callee.property.name=/^(selectFrom|updateTable|deleteFrom)$/][arguments.0.value=/^(person|household)( as \\w+)?$/]",
  message: 'Query person/household tables in a *.repository.ts function that adds recordScope(actor, …).',
};
/** sql.raw and sql.lit splice text into SQL: an injection waiting to happen. */
const rawSql = {
  selector: "CallExpression[callee.object.name='sql'][callee.property.name=/^(raw|lit)$/]",
  message: 'Do not splice text into SQL; use sql`…${value}` parameters or sql.ref / sql.table for identifiers.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', '.oila-test/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-restricted-syntax': ['error', rawSql],
    },
  },
  {
    files: ['src/server/**/*.service.ts', 'src/server/**/*.routes.ts', 'src/server/**/*.policy.ts'],
    rules: { 'no-restricted-syntax': ['error', rawSql, scopedTableOutsideRepository] },
  },
  {
    files: ['scripts/*.mjs', 'bin/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    files: ['**/*.test.ts', '**/*.int.test.ts', 'test/**', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);

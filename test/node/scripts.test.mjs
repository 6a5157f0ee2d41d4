// Every npm script points somewhere real: the scripts it runs exist, its tools are installed, and the files, folders
// and globs it names are there. A script left pointing at a removed folder (as "test:e2e" once pointed at test/e2e/)
// fails here instead of in the hands of whoever runs it next. Checks package.json's "scripts", the workspaces'
// scripts, and the steps of `npm test` (scripts/test-all.mjs). Needs no build.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const rootDir = fileURLToPath(new URL('../../', import.meta.url));
const readPackage = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const rootPackage = readPackage(rootDir);

/** The root package and its workspaces, by the name `npm -w` takes ("." for the root). */
const packages = new Map([
  ['.', { dir: rootDir, pkg: rootPackage }],
  ...(rootPackage.workspaces ?? []).map((workspace) => {
    const dir = join(rootDir, workspace);
    return [workspace, { dir, pkg: readPackage(dir) }];
  }),
]);

/** Commands that are the shell's or the system's, not a package's. */
const SYSTEM_COMMANDS = new Set(['rm', 'mkdir', 'cp', 'mv', 'echo', 'true', 'cat', 'test', 'exit']);
/** Options whose value is something the command writes (or leaves out), so it need not exist yet. */
const OUTPUT_OPTIONS = new Set(['-o', '--output', '--out-dir', '--outDir', '--output-dir', '--outfile', '--exclude']);
/** node options that take a value as the next word. */
const NODE_VALUE_OPTIONS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader', '--env-file']);
/** Config files a tool reads from the folder it runs in when it is given none. */
const TOOL_CONFIGS = {
  vite: /^vite\.config\.[cm]?[jt]s$/,
  'web-test-runner': /^(web-test-runner|wtr)\.config\.[cm]?js$/,
  wtr: /^(web-test-runner|wtr)\.config\.[cm]?js$/,
  storybook: /^\.storybook$/,
  eslint: /^eslint\.config\.[cm]?[jt]s$/,
};
const TEST_FILE = /\.test\.[cm]?[jt]s$/;

/** What is wrong with one script line run in `dir` (an npm package folder), as readable sentences. */
function problemsOf(script, dir) {
  return script
    .split(/&&|\|\||;|\|/)
    .map((command) => words(command))
    .filter((argv) => argv.length > 0)
    .flatMap((argv) => problemsOfCommand(argv, dir));
}

function words(command) {
  const argv = (command.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((word) => word.replace(/^(["'])(.*)\1$/, '$2'));
  while (argv.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) argv.shift(); // SEED=demo tsx …
  return argv;
}

function problemsOfCommand(argv, dir) {
  const [command, ...args] = argv;
  if (command === 'npx') return problemsOfCommand(args, dir);
  if (command === 'npm') return problemsOfNpm(args, dir);
  if (command === 'node') return problemsOfNode(args, dir);
  if (SYSTEM_COMMANDS.has(command)) return [];
  const problems = [];
  if (!installedBin(command, dir)) problems.push(`"${command}" is not installed (no node_modules/.bin/${command})`);
  const config = TOOL_CONFIGS[command];
  if (config && !readdirSync(dir).some((name) => config.test(name))) {
    problems.push(`${command} has no config file in ${dir} (looked for ${config})`);
  }
  args.forEach((arg, index) => {
    if (arg.startsWith('-') || OUTPUT_OPTIONS.has(args[index - 1]) || !looksLikePath(arg)) return;
    problems.push(...problemsOfPath(arg, dir, `${command} ${arg}`));
  });
  return problems;
}

function problemsOfNpm(args, dir) {
  let workspace;
  const rest = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--') break;
    if (arg === '-w' || arg === '--workspace') workspace = args[++index];
    else if (arg.startsWith('--workspace=')) workspace = arg.slice('--workspace='.length);
    else if (!arg.startsWith('-')) rest.push(arg);
  }
  const [subcommand, scriptArg] = rest;
  const script = ['run', 'run-script', 'rum', 'urn'].includes(subcommand)
    ? scriptArg
    : ['test', 't', 'tst', 'start', 'stop', 'restart'].includes(subcommand)
      ? subcommand
      : undefined;
  if (script === undefined) return []; // npm install, npm ci, …: nothing of ours to check.
  const target = workspace === undefined ? { dir, pkg: readPackage(dir) } : packages.get(workspace);
  if (!target) return [`npm workspace "${workspace}" is not in package.json "workspaces"`];
  if (!target.pkg.scripts?.[script]) {
    return [`npm ${subcommand} ${script}: ${target.pkg.name} has no "${script}" script`];
  }
  return [];
}

function problemsOfNode(args, dir) {
  const operands = [];
  let testRunner = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (NODE_VALUE_OPTIONS.has(arg)) index++;
    else if (arg === '--test') testRunner = true;
    else if (!arg.startsWith('-')) operands.push(arg);
    if (!testRunner && operands.length > 0) break; // node script.mjs …: the rest are the script's own arguments.
  }
  if (!testRunner) {
    return operands.length === 0 ? [] : problemsOfPath(operands[0], dir, `node ${operands[0]}`);
  }
  return operands.flatMap((operand) => {
    const problems = problemsOfPath(operand, dir, `node --test ${operand}`);
    if (problems.length > 0) return problems;
    const files = operand.includes('*') ? globFiles(operand, dir) : filesUnder(join(dir, operand));
    return files.some((file) => TEST_FILE.test(file)) ? [] : [`node --test ${operand}: no *.test.* file there`];
  });
}

function looksLikePath(arg) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return false; // a URL
  return arg.includes('/') || /\.(?:[cm]?[jt]sx?|json|ya?ml)$/.test(arg);
}

function problemsOfPath(path, dir, what) {
  if (path.includes('*')) {
    return globFiles(path, dir).length > 0 ? [] : [`${what}: the glob matches no file`];
  }
  return existsSync(join(dir, path)) ? [] : [`${what}: ${path} does not exist`];
}

/** npm puts the package's and the root's node_modules/.bin on PATH (a workspace's tools may be hoisted). */
function installedBin(command, dir) {
  return [dir, rootDir].some((base) => existsSync(join(base, 'node_modules', '.bin', command)));
}

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true })
    .map((name) => join(path, name))
    .filter((file) => !file.includes(`node_modules`) && statSync(file).isFile());
}

/** Files under `dir` matching a glob made of "*", "?" and "**" path segments, as the shell or a tool expands it. */
function globFiles(glob, dir) {
  const segments = glob.replace(/^\.\//, '').split('/');
  const toRegExp = (segment) =>
    new RegExp(
      `^${segment
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`,
    );
  const found = [];
  const walk = (base, index) => {
    if (index === segments.length) {
      if (existsSync(base) && statSync(base).isFile()) found.push(base);
      return;
    }
    if (!existsSync(base) || !statSync(base).isDirectory()) return;
    const segment = segments[index];
    const entries = readdirSync(base).filter((name) => name !== 'node_modules' && name !== '.git');
    if (segment === '**') {
      walk(base, index + 1);
      for (const name of entries) walk(join(base, name), index);
      return;
    }
    const pattern = toRegExp(segment);
    for (const name of entries) if (pattern.test(name)) walk(join(base, name), index + 1);
  };
  walk(dir, 0);
  return found;
}

// One test per script, named as you would type it.
for (const [workspace, { dir, pkg }] of packages) {
  for (const [name, script] of Object.entries(pkg.scripts ?? {})) {
    const label = workspace === '.' ? `npm run ${name}` : `npm run ${name} -w ${workspace}`;
    test(`${label} runs things that exist`, () => {
      assert.deepEqual(problemsOf(script, dir), [], `${label}: "${script}"`);
    });
  }
}

test('every step of npm test (scripts/test-all.mjs) runs things that exist', () => {
  const source = readFileSync(join(rootDir, 'scripts/test-all.mjs'), 'utf8');
  const commands = [...source.matchAll(/command:\s*'([^']+)'/g)].map((match) => match[1]);
  assert.ok(commands.length >= 5, `found only ${commands.length} steps in scripts/test-all.mjs`);
  assert.deepEqual(
    commands.flatMap((command) => problemsOf(command, rootDir)),
    [],
  );
});

test('the checker itself catches scripts that point nowhere', () => {
  const broken = {
    'node --test test/e2e/': /test\/e2e\/ does not exist/,
    'node --test --test-concurrency=1 test/helpers/': /no \*\.test\.\* file there/,
    'npm run build && npm run no-such-script': /has no "no-such-script" script/,
    'npm run start -w no-such-workspace': /workspace "no-such-workspace"/,
    'npm test -w server && node scripts/no-such-file.mjs': /scripts\/no-such-file\.mjs does not exist/,
    'no-such-tool --flag': /"no-such-tool" is not installed/,
    'tsc -p tsconfig.missing.json': /tsconfig\.missing\.json does not exist/,
    'cem analyze --globs "nowhere/**/*.ts"': /the glob matches no file/,
  };
  for (const [script, expected] of Object.entries(broken)) {
    const problems = problemsOf(script, rootDir);
    assert.ok(
      problems.some((problem) => expected.test(problem)),
      `"${script}" should fail with ${expected}, got ${JSON.stringify(problems)}`,
    );
  }
  for (const fine of [
    'SEED=demo npm run build --silent',
    'node --test --test-concurrency=1 test/node/',
    'openapi-typescript src/api/openapi.yaml -o src/api/not-generated-yet.d.ts',
    'rm -rf dist',
  ]) {
    assert.deepEqual(problemsOf(fine, rootDir), [], `"${fine}" is fine`);
  }
});

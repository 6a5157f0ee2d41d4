// The package as npm would publish it, installed into a throwaway project: `npm pack` (no scripts), the tarball
// unpacked into <tmp>/node_modules/peer-support-widgets, and its dependencies (lit, @lit/*) and the type packages the
// fixtures need linked from this repo's node_modules, so nothing is downloaded. Tests that resolve
// "peer-support-widgets/…" through package.json "exports" use it; only files listed in "files" are there.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Packages linked into the throwaway project from this repo's node_modules, when installed. */
const LINKED = ['lit', 'lit-html', 'lit-element', '@lit', '@types/react', 'preact', 'typescript'];

let packed;

/**
 * Packs the repo once per process and returns { dir, packageDir, files }: the throwaway project, the unpacked
 * package inside its node_modules, and the paths in the tarball (as npm lists them). Needs `npm run build` first.
 */
export function packedPackage() {
  if (packed) return packed;
  const dir = mkdtempSync(join(tmpdir(), 'peer-packed-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const output = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [{ filename, files }] = JSON.parse(output);
  const nodeModules = join(dir, 'node_modules');
  const packageDir = join(nodeModules, 'peer-support-widgets');
  mkdirSync(packageDir, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, filename), '-C', packageDir, '--strip-components=1']);
  for (const name of LINKED) {
    const source = join(repoRoot, 'node_modules', name);
    if (!existsSync(source)) continue;
    const target = join(nodeModules, name);
    mkdirSync(join(target, '..'), { recursive: true });
    symlinkSync(source, target, 'dir');
  }
  packed = { dir, packageDir, files: files.map((file) => file.path) };
  return packed;
}

/**
 * Copies a fixture folder (test/node/fixtures/<name>) into the throwaway project and returns its path there. Files
 * named "*.tsx.txt" become "*.tsx": they are kept as text in the repo so that its ESLint (which has no TSX parser)
 * and its type check leave them alone.
 */
export function copyFixture(name) {
  const { dir } = packedPackage();
  const target = join(dir, name);
  cpSync(join(repoRoot, 'test', 'node', 'fixtures', name), target, { recursive: true });
  for (const file of readdirSync(target)) {
    if (file.endsWith('.tsx.txt')) renameSync(join(target, file), join(target, file.slice(0, -'.txt'.length)));
  }
  return target;
}

/** Runs this repo's TypeScript on a project; returns { ok, output } (the diagnostics). */
export function typeCheck(projectDir, tsconfig = 'tsconfig.json') {
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    const output = execFileSync(process.execPath, [tsc, '--noEmit', '-p', join(projectDir, tsconfig)], {
      cwd: projectDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, output };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

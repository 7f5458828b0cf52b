#!/usr/bin/env node
// Installs the real VS Code test host (see shared/VSCODE-HOST.md), idempotently and with no manual step:
//   1. Debian packages chromium, ripgrep, libkrb5-dev — only the missing ones, only as root.
//   2. code-server@4.100.3 into .vscode-test/code-server, with the environment fixes its install needs here.
// A second run that finds everything in place does nothing and takes well under a second.
// --no-browser leaves Chromium out (`npm start` serves the workbench to your own browser).
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerPackage, codeServerVersion, hostDir } from './hostPaths.mjs';

const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev'].filter(
  (name) => name !== 'chromium' || !process.argv.includes('--no-browser'),
);

// @vscode/ripgrep (a dependency of code-server 4.100.3) downloads rg from GitHub unless it finds this
// tarball in its cache under TMPDIR; both names are fixed by that package's version.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

// Files that exist only when code-server's postinstall (which installs VS Code's own dependencies and
// builds their native modules) really ran to the end: npm 11 may skip or merely warn about install scripts.
const POSTINSTALL_OUTPUTS = [
  'lib/vscode/node_modules.asar', // symlink made at the very end of postinstall.sh's VS Code step
  'lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
  'lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'lib/vscode/extensions/node_modules', // the built-in extensions' step, the last one
];

const log = (message) => console.log(`[host] ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function missingAptPackages() {
  return APT_PACKAGES.filter((name) => {
    const status = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return status.status !== 0 || !status.stdout.includes('install ok installed');
  });
}

function installAptPackages() {
  if (!existsSync('/usr/bin/dpkg-query')) {
    log('no dpkg here: install Chromium and ripgrep yourself (and set PROMPTER_CHROMIUM to the browser)');
    return;
  }
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    log(`not root, so not installing ${missing.join(' ')}: run  sudo apt-get install -y ${missing.join(' ')}`);
    return;
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  run('apt-get', ['install', '-y', '-q', ...missing], { env });
}

function postinstallProblems() {
  return POSTINSTALL_OUTPUTS.filter((path) => {
    try {
      lstatSync(join(codeServerPackage, path));
      return false;
    } catch {
      return true;
    }
  });
}

function installedVersion() {
  try {
    return JSON.parse(readFileSync(join(codeServerPackage, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function installCodeServer() {
  if (installedVersion() === codeServerVersion && postinstallProblems().length === 0) return;
  log(`installing code-server@${codeServerVersion} into ${hostDir} (about 1–2 minutes, ~300 MB)`);
  rmSync(join(hostDir, 'node_modules'), { recursive: true, force: true });
  const tmp = join(hostDir, 'tmp');
  mkdirSync(join(tmp, RIPGREP_CACHE), { recursive: true });
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (rg) {
    const [dir, name] = [rg.slice(0, rg.lastIndexOf('/')), rg.slice(rg.lastIndexOf('/') + 1)];
    run('tar', ['czf', join(tmp, RIPGREP_CACHE, RIPGREP_TARBALL), '-C', dir, name]);
  } else {
    log('no rg on PATH: @vscode/ripgrep will try to download it and probably fail');
  }
  // Its own package.json, so the install never touches the extension's manifest or lockfile. The
  // allowScripts entries record the reviewed install scripts (npm 11 warns about unreviewed ones and
  // a later npm blocks them); the postinstall check below is what proves they ran.
  writeFileSync(
    join(hostDir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'prompter-test-host',
        private: true,
        description: 'The VS Code test host (code-server); installed by test/host/installHost.mjs',
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    )}\n`,
  );
  const env = {
    ...process.env,
    TMPDIR: tmp,
    // code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: 'true',
    // node-pty's build runs `npx node-gyp`; npm is configured with yes=false here.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const logFile = join(hostDir, 'install.log');
  const result = spawnSync('npm', ['install', '--no-save', '--foreground-scripts', `code-server@${codeServerVersion}`], {
    cwd: hostDir,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  const problems = postinstallProblems();
  if (result.status !== 0 || problems.length > 0) {
    const tail = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-40).join('\n');
    console.error(tail);
    throw new Error(
      `code-server install failed (npm exit ${result.status}; missing after postinstall: ${problems.join(', ') || 'none'}). Full log: ${logFile}`,
    );
  }
  rmSync(tmp, { recursive: true, force: true });
}

const started = Date.now();
try {
  mkdirSync(hostDir, { recursive: true });
  installAptPackages();
  installCodeServer();
  log(`code-server ${codeServerVersion} ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(`[host] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

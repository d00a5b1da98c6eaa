#!/usr/bin/env bash
# test/integration/host/install.sh — installs the offline VS Code host the integration
# tests and `npm run demo` use. Idempotent: a second run only checks and exits (~0.2 s).
#
#   Debian packages   chromium     the browser playwright-core drives (never downloaded by npm)
#                     libkrb5-dev  gssapi.h for the `kerberos` native module of the VS Code server
#                     ripgrep      stands in for @vscode/ripgrep, whose install script downloads rg
#                     g++ make python3  node-gyp builds (node-pty, spdlog, argon2, kerberos, ...)
#   npm packages      code-server@4.100.3 (= VS Code 1.100.3 server + web workbench) and
#                     playwright-core@1.65.1, into the cache directory:
#                     ${SITE_RECOVERY_HOST_CACHE:-$HOME/.cache/site-recovery-vscode-host}
#
# code-server's own postinstall cannot run offline (it runs `npm install` in lib/vscode,
# where @vscode/ripgrep downloads rg from GitHub), so it is installed with --ignore-scripts
# and its steps are done here by hand.
#
# Env: SITE_RECOVERY_HOST_CACHE, CODE_SERVER_VERSION (needs a matching Node; 4.100.x = Node 20),
#      PLAYWRIGHT_CORE_VERSION, SITE_RECOVERY_HOST_SKIP_APT=1 (never call apt-get).
set -euo pipefail
CACHE="${SITE_RECOVERY_HOST_CACHE:-$HOME/.cache/site-recovery-vscode-host}"
CS_VER="${CODE_SERVER_VERSION:-4.100.3}"
PW_VER="${PLAYWRIGHT_CORE_VERSION:-1.65.1}"
MARKER="$CACHE/.site-recovery-host-ok"
STAMP="code-server@$CS_VER playwright-core@$PW_VER node@$(node -v 2>/dev/null || echo none)"
APT_PACKAGES=(chromium libkrb5-dev ripgrep g++ make python3)
say() { echo "[host install] $*"; }
die() { echo "[host install] ERROR: $*" >&2; exit 1; }
started=$(date +%s)

command -v node >/dev/null || die "node not found on PATH"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ -z "${CODE_SERVER_VERSION:-}" ] && [ "$node_major" != 20 ]; then
  die "code-server $CS_VER runs on Node 20 only (found $(node -v)): its native modules are built for, and the extension host runs on, this node. Use Node 20 (see package.json engines / README)."
fi

# ---- 1. Debian packages -------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    die "missing system packages: ${missing[*]} — this script installs them with apt-get (Debian/Ubuntu); install the equivalents by hand."
  fi
  [ "${SITE_RECOVERY_HOST_SKIP_APT:-}" = 1 ] && die "missing Debian packages: ${missing[*]} (SITE_RECOVERY_HOST_SKIP_APT=1 is set). Install them: apt-get install ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n)
  else die "missing Debian packages: ${missing[*]}. Not root and no password-less sudo: run as root once: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq || die "apt-get update failed"
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing (Debian package chromium)"
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing (Debian package ripgrep)"

# ---- 2. already installed? ------------------------------------------------------------
VS="$CACHE/node_modules/code-server/lib/vscode"
if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$STAMP" ] \
   && [ -f "$VS/node_modules/node-pty/build/Release/pty.node" ]; then
  say "ready in $CACHE ($STAMP)"; exit 0
fi
rm -f "$MARKER"
mkdir -p "$CACHE"
cd "$CACHE"
[ -f package.json ] || echo '{ "name": "site-recovery-vscode-host", "private": true }' > package.json
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# ---- 3. top-level packages, scripts off ---------------------------------------------
say "npm install code-server@$CS_VER playwright-core@$PW_VER (install scripts off)"
npm install --ignore-scripts --save-exact "code-server@$CS_VER" "playwright-core@$PW_VER" >npm-install.log 2>&1 \
  || { tail -30 npm-install.log >&2; die "npm install failed (log: $CACHE/npm-install.log)"; }
# argon2 is loaded by code-server even with --auth none; its prebuilt download fails
# offline and it falls back to a source build.
say "building argon2"
npm rebuild argon2 >npm-argon2.log 2>&1 || { tail -30 npm-argon2.log >&2; die "argon2 build failed (log: $CACHE/npm-argon2.log)"; }

# ---- 4. code-server's postinstall, by hand -------------------------------------------
cd "$VS"
say "installing the VS Code server's dependencies (install scripts off)"
npm install --omit=dev --ignore-scripts >"$CACHE/npm-vscode.log" 2>&1 \
  || { tail -30 "$CACHE/npm-vscode.log" >&2; die "npm install in lib/vscode failed (log: $CACHE/npm-vscode.log)"; }
# @vscode/ripgrep's postinstall skips its download when bin/rg exists: use Debian's.
mkdir -p node_modules/@vscode/ripgrep/bin
cp -f /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
say "building native modules (node-pty, spdlog, watcher, kerberos, ...), about a minute"
# node-pty's install step runs `npx node-gyp`; npm_config_yes answers npx's prompt (no TTY).
npm_config_yes=true npm rebuild >"$CACHE/npm-vscode-rebuild.log" 2>&1 \
  || { tail -40 "$CACHE/npm-vscode-rebuild.log" >&2; die "native module build failed (needs g++ make python3 libkrb5-dev; log: $CACHE/npm-vscode-rebuild.log)"; }
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev >"$CACHE/npm-extensions.log" 2>&1) \
  || { tail -30 "$CACHE/npm-extensions.log" >&2; die "npm install in lib/vscode/extensions failed (log: $CACHE/npm-extensions.log)"; }

# ---- 5. smoke check -----------------------------------------------------------------
cd "$CACHE"
version="$(XDG_CONFIG_HOME="$CACHE/.xdg" XDG_DATA_HOME="$CACHE/.xdg" node node_modules/code-server/out/node/entry.js --version 2>/dev/null | grep -m1 "with Code")" \
  || die "code-server does not start (try: node $CACHE/node_modules/code-server/out/node/entry.js --version)"
node -e 'require(process.argv[1] + "/node_modules/code-server/lib/vscode/node_modules/node-pty")' "$CACHE" || die "node-pty does not load"
node -e 'require(process.argv[1] + "/node_modules/playwright-core")' "$CACHE" || die "playwright-core does not load"
echo "$STAMP" > "$MARKER"
say "ok: code-server $version, $(/usr/bin/chromium --version 2>/dev/null) in $CACHE ($(( $(date +%s) - started )) s)"

#!/usr/bin/env bash
# Installs what the real-VS-Code tests and the demo need on a bare machine, idempotently:
# Debian's Chromium and ripgrep, and code-server (the version in package.json's
# config.codeServerVersion: 4.90.3, VS Code 1.90.2, the oldest VS Code the extension supports)
# under .vscode-test/code-server-<version>, following ../shared/code-server.md (CODE_SERVER_VERSION
# picks another, as npm test does for config.newestCodeServerVersion). Safe to run again:
# each step is skipped when already done.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="${CODE_SERVER_VERSION:-$(node -p "require('$ROOT/package.json').config.codeServerVersion")}"
DIR="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server-$VERSION}"
MARK="$DIR/.installed-$VERSION"
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/rg ] || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# node-pty and kerberos are compiled below (node-gyp): a C++ compiler, make and Python.
command -v g++ >/dev/null || need_apt+=(g++)
command -v make >/dev/null || need_apt+=(make)
command -v python3 >/dev/null || need_apt+=(python3)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install: apt packages ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -f "$MARK" ]; then
  echo "install: code-server $VERSION already in $DIR"
  exit 0
fi
echo "install: code-server $VERSION into $DIR (about 2 minutes)"
mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
npm install --no-save --ignore-scripts --loglevel=error "code-server@$VERSION"
VS="$DIR/node_modules/code-server/lib/vscode"
# Older lines (4.90) pin beta peers that npm's strict resolver rejects; their lockfile is right. The
# refusal (a page of "npm error ERESOLVE" that reads like a failure) is kept back unless the retry fails too.
STRICT_LOG="$DIR/npm-strict.log"
(cd "$VS" && { npm install --omit=dev --ignore-scripts --loglevel=error 2>"$STRICT_LOG" \
    || { echo "install: VS Code's pinned peer versions need npm's --legacy-peer-deps; installing with it"; \
         npm install --omit=dev --ignore-scripts --loglevel=error --legacy-peer-deps || { cat "$STRICT_LOG" >&2; false; }; }; } \
  && CXXFLAGS="${CXXFLAGS:-} -fpermissive" npm rebuild --loglevel=error kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog)
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
ln -sf /usr/bin/rg "$VS/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VS/node_modules.asar"
ln -sf code-linux.sh "$VS/bin/remote-cli/code-server"
ln -sf browser-linux.sh "$VS/bin/helpers/browser.sh"
(cd "$VS/extensions" && npm install --omit=dev --loglevel=error)
npm rebuild --loglevel=error argon2
XDG_CONFIG_HOME="$DIR/.config" XDG_DATA_HOME="$DIR/.data" node "$DIR/node_modules/code-server/out/node/entry.js" --version
touch "$MARK"

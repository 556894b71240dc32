# Makes this machine ready for Kring. Source it so the PATH it sets stays:
#   source scripts/setup.sh            Node 22.13+ and npm packages
#   source scripts/setup.sh --browser  also Chromium, for the browser tests
# Safe to run again: it only does what is missing.

kring_setup() {
  local want_browser=0
  [ "${1:-}" = "--browser" ] && want_browser=1
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

  # Node: Kring needs 22.13 or newer (24 LTS recommended). An older system Node gets a newer one
  # from the npm registry's `node` package, installed under ~/.kring-node.
  local local_node="$HOME/.kring-node/node_modules/.bin"
  [ -x "$local_node/node" ] && export PATH="$local_node:$PATH"
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=13)?0:1)' 2>/dev/null; then
    echo "[kring] Node $(node --version 2>/dev/null || echo 'ontbreekt') is te oud; Node 24 wordt geïnstalleerd in ~/.kring-node"
    command -v npm >/dev/null || { echo "[kring] npm ontbreekt: installeer eerst Node.js (https://nodejs.org)"; return 1; }
    npm install --prefix "$HOME/.kring-node" --no-audit --no-fund node@24 >/dev/null || return 1
    export PATH="$local_node:$PATH"
  fi
  echo "[kring] Node $(node --version)"

  # Chromium for the browser tests (Playwright uses the system Chromium; it cannot download one here).
  if [ "$want_browser" = 1 ] && [ -z "${KRING_CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
    echo "[kring] Chromium wordt geïnstalleerd"
    local sudo=""
    [ "$(id -u)" != 0 ] && sudo="sudo"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; } || {
      echo "[kring] Chromium installeren lukte niet; installeer het zelf of zet KRING_CHROMIUM=/pad/naar/chromium"
      return 1
    }
  fi

  # npm packages, when node_modules is missing or older than the lock file.
  if [ ! -f "$root/node_modules/.package-lock.json" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "[kring] npm-pakketten worden geïnstalleerd"
    (cd "$root" && npm ci --no-audit --no-fund) || return 1
  fi
}

kring_setup "$@"

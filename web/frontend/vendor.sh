#!/usr/bin/env bash
# Copies the pinned front-end libraries (package-lock.json) into the served resources.
# Run after changing a version in package.json; commit the result. The Maven build needs no Node.js:
# it packages what this script left in src/main/resources/webroot/vendor.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/resources/webroot/vendor"
cd "$here"
npm ci --ignore-scripts --no-audit --no-fund
rm -rf "$out"
copy() { # package, file inside it
  local pkg=$1 file=$2
  local version
  version=$(node -p "require('./node_modules/$pkg/package.json').version")
  local dest="$out/$pkg@$version"
  mkdir -p "$dest/$(dirname "$file")"
  cp "node_modules/$pkg/$file" "$dest/$file"
  [ -f "node_modules/$pkg/LICENSE" ] && cp "node_modules/$pkg/LICENSE" "$dest/LICENSE" || true
}
copy @xterm/xterm lib/xterm.js
copy @xterm/xterm css/xterm.css
copy @xterm/addon-fit lib/addon-fit.js
copy @xterm/addon-web-links lib/addon-web-links.js
copy sockjs-client dist/sockjs.min.js
copy @vertx/eventbus-bridge-client.js vertx-eventbus.js
sums=$(cd "$out" && find . -type f ! -name LICENSE | sort | xargs sha256sum)
echo "$sums" > "$out/SHA256SUMS"
echo "vendored into $out:"
cat "$out/SHA256SUMS"

#!/usr/bin/env bash
# `npm start`: install what is missing, build the package if needed, then serve the
# inspection page, the package and the CloudFront emulator on one 127.0.0.1 origin.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh --if-needed
# The page's vendored jsdiff (www/vendor/) and the static folder (site/).
node scripts/static.mjs
exec node emulator/server.mjs "$@"

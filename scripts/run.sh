#!/usr/bin/env bash
# The run command: installs what is missing, builds, and opens the teller's window on a private
# PostgreSQL server with a demo branch's staff and accounts. The demo server's data is kept
# between runs (in ~/.local/share/teller/demo, or /var/tmp/teller-demo for root); the server
# stops when the window closes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    cat >&2 <<'EOT'
No display found: the teller's window needs one. Either
  - run it in a virtual X display and look at it with a screenshot:
        xvfb-run -a bash scripts/run.sh
  - or serve the window over VNC and connect a VNC viewer to port 5900 of this machine:
        QT_QPA_PLATFORM=vnc:port=5900 bash scripts/run.sh
  - or use the money core on the command line against the same demo database:
        eval "$(build/tools/tellerctl/tellerctl demo start --shell)"
        build/tools/tellerctl/tellerctl account show 10000001
EOT
    exit 1
fi
exec build/ui/teller --demo "$@"

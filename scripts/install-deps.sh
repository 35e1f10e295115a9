#!/usr/bin/env bash
# Installs the Debian 12 packages Teller needs to build, test and run, if any is missing.
# Works as root or, for a normal user, through sudo. Safe to run again: installs only what is missing.
set -euo pipefail

packages=(
    g++ cmake ninja-build pkg-config file
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-psql libqt6sql6-sqlite libpq-dev qt6-translations-l10n
    postgresql postgresql-contrib
    postgresql-15-auto-failover pg-auto-failover-cli
    pgbouncer
    xvfb xauth
    dpkg-dev lintian openssl
)

# PostgreSQL runs as the "postgres" OS user, who must be able to enter "/". Some chroots and
# container roots are created with mode 700; no non-root service can work there.
if [ "$(id -u)" -eq 0 ] && [ $(( $(stat -c '%#a' /) & 1 )) -eq 0 ]; then
    echo "Making / traversable (mode $(stat -c '%a' /) -> +x) so that the postgres user can run the test servers."
    chmod o+x /
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "These packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Builds the packages, checks the Debian package (declared dependencies, lintian), installs it
# (as root with dpkg -i, removed again afterwards; otherwise unpacked into a scratch root) and
# runs the installed programs: teller --version, tellerctl --version, and teller --check,
# which opens the window offscreen and must find the PostgreSQL and SQLite drivers.
set -euo pipefail
build=${1:?usage: test_package.sh BUILD_DIR}
cd "$build"
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -f teller_*.deb teller-*.tar.gz
cpack -G "DEB;TGZ" >cpack.log 2>&1 || { cat cpack.log; fail "cpack"; }
deb=$(ls teller_*_*.deb)
tgz=$(ls teller-*.tar.gz)
echo "packages: $deb $tgz"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for need in libqt6sql6-psql libqt6sql6-sqlite libqt6widgets6 libpq5; do
    grep -q "$need" <<<"$depends" || fail "the package does not declare $need"
done
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/teller ./usr/bin/tellerctl ./usr/share/applications/org.tellerproject.Teller.desktop \
            ./usr/share/metainfo/org.tellerproject.Teller.metainfo.xml ./usr/share/icons/hicolor/256x256/apps/teller.png \
            ./usr/share/man/man1/tellerctl.1.gz ./usr/share/doc/teller/copyright; do
    grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done
grep -q 'bin/tellerctl$' <<<"$(tar tzf "$tgz")" || fail "the tarball lacks bin/tellerctl"

# lintian: errors fail the test; warnings are shown.
lintian --fail-on error "$deb" 2>/dev/null | tee lintian.log || fail "lintian found errors"
echo "lintian: $(grep -c '^E:' lintian.log || true) errors, $(grep -c '^W:' lintian.log || true) warnings"

export QT_QPA_PLATFORM=offscreen
if [ "$(id -u)" -eq 0 ] && command -v dpkg >/dev/null; then
    dpkg -i "$deb" >/dev/null
    trap 'dpkg -r teller >/dev/null 2>&1 || true' EXIT
    bin=/usr/bin
else
    root=$(mktemp -d)
    trap 'rm -rf "$root"' EXIT
    dpkg-deb -x "$deb" "$root"
    bin=$root/usr/bin
fi
"$bin/teller" --version | grep -qx "teller [0-9.]*" || fail "teller --version"
"$bin/tellerctl" --version | grep -qx "tellerctl [0-9.]*" || fail "tellerctl --version"
check=$(cd / && "$bin/teller" --check 2>/dev/null) || fail "teller --check: $check"
echo "teller --check: $check"
grep -q '"postgresql_driver":true' <<<"$check" || fail "the installed teller does not find the QPSQL plugin"
grep -q '"window":true' <<<"$check" || fail "the installed teller did not open its window"
if [ "$bin" = /usr/bin ]; then
    man -w tellerctl >/dev/null 2>&1 || [ -f /usr/share/man/man1/tellerctl.1.gz ] || fail "no man page"
fi
echo "package test passed"

#!/usr/bin/env bash
# Builds the packages, checks the Debian package (declared dependencies, lintian: errors fail,
# warnings are only shown), checks that no fault proxy is in it, installs it and runs the
# installed programs: teller --version, tellerctl --version (and that tellerctl has no
# fault-proxy command), and teller --check, which opens the window offscreen and must find the
# PostgreSQL and SQLite drivers.
# Installing: as root, and only when no teller package is on this machine, with dpkg -i (which
# proves that Depends can be satisfied) and removed again afterwards. Otherwise (not root, or a
# teller package already installed, which is never replaced or removed) the package is
# unpacked into a scratch root, its Depends are checked against the installed packages, and
# the programs run from there.
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
for need in libqt6sql6-psql libqt6sql6-sqlite libqt6widgets6 libqt6printsupport6 libpq5; do
    grep -q "$need" <<<"$depends" || fail "the package does not declare $need"
done
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/teller ./usr/bin/tellerctl ./usr/share/applications/org.tellerproject.Teller.desktop \
            ./usr/share/metainfo/org.tellerproject.Teller.metainfo.xml ./usr/share/icons/hicolor/256x256/apps/teller.png \
            ./usr/share/man/man1/tellerctl.1.gz ./usr/share/doc/teller/copyright; do
    grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done
grep -q 'bin/tellerctl$' <<<"$(tar tzf "$tgz")" || fail "the tarball lacks bin/tellerctl"
# The fault proxy is a test tool (build/tools/faultproxy/teller-faultproxy): no package carries
# it, and the packaged tellerctl has no fault-proxy command (nor the proxy linked in).
if grep -Ei 'fault.?proxy' <<<"$contents"; then fail "the Debian package carries the fault proxy"; fi
if tar tzf "$tgz" | grep -Ei 'fault.?proxy'; then fail "the tarball carries the fault proxy"; fi

# lintian: errors fail the test; warnings are shown, not enforced.
lintian --fail-on error "$deb" 2>/dev/null | tee lintian.log || fail "lintian found errors"
echo "lintian: $(grep -c '^E:' lintian.log || true) errors, $(grep -c '^W:' lintian.log || true) warnings"

export QT_QPA_PLATFORM=offscreen
# The cleanup is in place before anything is installed or unpacked.
root=$(mktemp -d)
installed_here=false
cleanup() {
    if $installed_here; then dpkg -r teller >/dev/null 2>&1 || true; fi
    rm -rf "$root"
}
trap cleanup EXIT

# Is every Depends clause satisfied by an installed package, as dpkg -i would require?
check_depends() {
    local clause alt name op ver have found
    local -a clauses alternatives
    IFS=',' read -ra clauses <<<"$depends"
    for clause in "${clauses[@]}"; do
        found=false
        IFS='|' read -ra alternatives <<<"$clause"
        for alt in "${alternatives[@]}"; do
            read -r name _ <<<"$alt"
            name=${name%%:*}
            op= ver=
            if [[ $alt =~ \(\ *([\<\>=]+)\ *([^\)\ ]+)\ *\) ]]; then op=${BASH_REMATCH[1]} ver=${BASH_REMATCH[2]}; fi
            have=$(dpkg-query -W -f='${db:Status-Status} ${Version}\n' "$name" 2>/dev/null | grep -m1 '^installed ' || true)
            if [ -n "$have" ]; then
                if [ -z "$op" ] || dpkg --compare-versions "${have#installed }" "$op" "$ver"; then found=true; break; fi
            elif [ -z "$op" ] && dpkg-query -W -f='${db:Status-Status} ${Provides}\n' 2>/dev/null \
                    | grep '^installed ' | grep -Eq "(^installed |, )$name( |,|\$)"; then
                found=true; break # a virtual package, provided by an installed one
            fi
        done
        $found || fail "Depends not satisfied on this machine: $(echo $clause)"
    done
    echo "Depends: every clause is satisfied by an installed package"
}

existing=$(dpkg-query -W -f='${db:Status-Status} ${Version}' teller 2>/dev/null || true)
if [ "$(id -u)" -eq 0 ] && command -v dpkg >/dev/null && { [ -z "$existing" ] || [[ $existing == not-installed* ]]; }; then
    installed_here=true # set before dpkg -i: a half-done install is removed too
    dpkg -i "$deb" >dpkg.log 2>&1 || { cat dpkg.log; fail "dpkg -i $deb (Depends not satisfiable?)"; }
    bin=/usr/bin
else
    if [ -n "$existing" ] && [[ $existing != not-installed* ]]; then
        echo "NOTE: a teller package is already on this machine ($existing): it is left alone;" \
             "the new package is unpacked into $root and run from there instead"
    fi
    command -v dpkg-query >/dev/null && check_depends
    dpkg-deb -x "$deb" "$root"
    bin=$root/usr/bin
fi
"$bin/teller" --version | grep -qx "teller [0-9.]*" || fail "teller --version"
"$bin/tellerctl" --version | grep -qx "tellerctl [0-9.]*" || fail "tellerctl --version"
if "$bin/tellerctl" --help | grep -Ei 'fault.?proxy'; then fail "the installed tellerctl --help lists a fault proxy"; fi
proxy_out=$("$bin/tellerctl" fault-proxy </dev/null 2>/dev/null) && fail "the installed tellerctl ran fault-proxy"
grep -q 'Unknown command' <<<"$proxy_out" || fail "the installed tellerctl knows fault-proxy: $proxy_out"
if grep -qa 'FaultProxy' "$bin/tellerctl"; then fail "the installed tellerctl has the fault proxy linked in"; fi
check=$(cd / && "$bin/teller" --check 2>/dev/null) || fail "teller --check: $check"
echo "teller --check: $check"
grep -q '"postgresql_driver":true' <<<"$check" || fail "the installed teller does not find the QPSQL plugin"
grep -q '"window":true' <<<"$check" || fail "the installed teller did not open its window"
if [ "$bin" = /usr/bin ]; then
    man -w tellerctl >/dev/null 2>&1 || [ -f /usr/share/man/man1/tellerctl.1.gz ] || fail "no man page"
fi
echo "package test passed"

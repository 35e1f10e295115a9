#!/usr/bin/env bash
# The run command: installs what is missing, builds, starts a private PostgreSQL with demo data
# (kept between runs; `build/tools/tellerctl/tellerctl demo stop` stops it), and shows the
# money core at work through tellerctl.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
tellerctl=build/tools/tellerctl/tellerctl

echo "== Starting the private demo database"
eval "$($tellerctl demo start --shell)"
echo "   PGHOST=$PGHOST PGPORT=$PGPORT PGDATABASE=$PGDATABASE PGUSER=$PGUSER (password: $PGPASSWORD)"

run() { echo; echo "\$ tellerctl $*"; "$tellerctl" "$@" || echo "(exit code $?)"; }
run account show 10000001
key=$(cat /proc/sys/kernel/random/uuid)
run withdraw --account 10000001 --amount 50.00 --key "$key"
echo "   ... the same key again is answered from the record, nothing is paid twice:"
run withdraw --account 10000001 --amount 50.00 --key "$key"
run withdraw --account 10000005 --amount 100.00
run transfer --from 10000002 --to 10000003 --amount 25.50
run check

cat <<EOT

The demo database keeps running. In this shell, try for example:
  export PGHOST=$PGHOST PGPORT=$PGPORT PGDATABASE=$PGDATABASE PGUSER=$PGUSER PGPASSWORD=$PGPASSWORD PGSSLMODE=disable
  $tellerctl account show 10000002
  $tellerctl deposit --account 10000002 --amount 100
  $tellerctl --help
Stop it with: $tellerctl demo stop
EOT

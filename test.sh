#!/usr/bin/env bash
# The whole test suite, nothing skipped: installs what this machine lacks (Debian: apt-get as
# root, sudo apt-get otherwise; elsewhere it names the packages and exits 2), then runs
# `./mvnw -B verify` with CI=true, where a test that needs Go, Jupyter or Chromium fails instead
# of skipping, and finally checks the reports for skipped tests.
#
#   ./test.sh                      # everything
#   ./test.sh -pl graph-model,cli  # extra arguments go to Maven (a subset of the modules)
#   ./test.sh --check              # only report what is missing (exit 2 when something is)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# The one list of what the tests need (Debian package names); .ci/run calls this script.
packages=(
  openjdk-17-jdk-headless
  golang-go golang-uber-goleak-dev gcc libc6-dev
  jupyter-client python3-jupyter-client python3-nbclient jupyter-nbconvert jupyter-console
  python3-ipykernel jupyter-notebook python3-jupyter-kernel-test
  chromium chromium-driver fonts-wqy-microhei
  wrk
)
# What the tests run, for machines without dpkg (command, then the Python modules).
commands=(java go gcc jupyter chromium chromedriver)
python_modules=(jupyter_client nbclient jupyter_kernel_test ipykernel)

# Debian's Python carries the Jupyter modules; another python3 may come first on the PATH.
py=/usr/bin/python3
[ -x "$py" ] || py=python3

check_only=false
if [ "${1:-}" = "--check" ]; then check_only=true; shift; fi

missing=()
if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    if [ "$p" = openjdk-17-jdk-headless ] && command -v java >/dev/null 2>&1 \
        && java -version 2>&1 | grep -Eq 'version "(1[7-9]|2[0-9])'; then
      continue   # any Java 17+ will do
    fi
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test: missing Debian packages: ${missing[*]}"
    if $check_only; then exit 2; fi
    if [ "$(id -u)" -eq 0 ]; then
      sudo_cmd=()
    elif command -v sudo >/dev/null 2>&1; then
      sudo_cmd=(sudo)
    else
      echo "test: not root and no sudo; install them as root:" >&2
      echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 2
    fi
    echo "test: installing them (${sudo_cmd[*]:-as root} apt-get install)"
    "${sudo_cmd[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
  fi
else
  for c in "${commands[@]}"; do
    command -v "$c" >/dev/null 2>&1 || missing+=("$c")
  done
  for m in "${python_modules[@]}"; do
    "$py" -c "import $m" >/dev/null 2>&1 || missing+=("python3 module $m")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test: this is not Debian, and these are missing: ${missing[*]}" >&2
    echo "test: install the equivalents of these Debian packages, then run ./test.sh again:" >&2
    echo "  ${packages[*]}" >&2
    exit 2
  fi
fi
if $check_only; then echo "test: nothing missing"; exit 0; fi

export CI=true                          # tests needing Go, Jupyter or Chromium fail instead of skipping
export PYDEVD_DISABLE_FILE_VALIDATION=1 # ipykernel's debugger warns on every start otherwise
go version
"$py" -c 'import jupyter_client, nbclient, jupyter_kernel_test; print("jupyter_client", jupyter_client.__version__)'
chromium --version

started="$(date +%s)"
./mvnw -B verify "$@"

# Count what ran from this run's reports (older reports of modules not built now are ignored).
"$py" - "$started" <<'PY'
import glob, os, sys, xml.etree.ElementTree as ET
started = int(sys.argv[1])
classes = tests = skipped = failed = 0
skipped_names = []
for f in glob.glob("*/target/surefire-reports/TEST-*.xml") + glob.glob("*/target/failsafe-reports/TEST-*.xml"):
    if os.path.getmtime(f) < started:
        continue
    suite = ET.parse(f).getroot()
    classes += 1
    tests += int(suite.get("tests", 0))
    failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    for case in suite.iter("testcase"):
        if case.find("skipped") is not None:
            skipped += 1
            skipped_names.append(case.get("classname", "") + "." + case.get("name", ""))
print(f"test: {classes} test classes, {tests} tests, {failed} failed, {skipped} skipped")
if skipped:
    print("test: skipped (every test must run):\n  " + "\n  ".join(skipped_names), file=sys.stderr)
    sys.exit(1)
PY

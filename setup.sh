#!/usr/bin/env bash
# Installs everything policy-checker needs on a Debian machine with Python 3.11+, then starts it.
#   ./setup.sh              install (system libraries as root, the project into .venv) and start
#   ./setup.sh --no-start   install only (used by ./test.sh)
set -euo pipefail
cd "$(dirname "$0")"

start_app=1
[[ "${1:-}" == "--no-start" ]] && start_app=0

# Shared libraries the app loads: Pango and HarfBuzz's subsetter for WeasyPrint (the subsetter makes
# PDF export ~15x faster), the Qt xcb/EGL runtime for the window, Xvfb and poppler for tests.
system_packages=(
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  xvfb xauth poppler-utils postgresql postgresql-client
  # System CJK fonts: the fallback for rare characters in company names that the bundled
  # subset lacks (𠮷, 龘...), in reports and in the window.
  fonts-noto-cjk
)
missing=()
for package in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "Installing system libraries: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing system libraries: ${missing[*]}" >&2
    echo "Run this script as root once, or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

python=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "Python 3.11 or newer is needed" >&2; exit 1; }
  # Debian's python3 ships venv's pip bootstrap in a separate package.
  if ! "$python" -c 'import ensurepip' 2>/dev/null; then
    venv_package=python3-venv
    [[ $("$python" -c 'import sys; print(sys.executable)') == /usr/bin/* ]] \
      && venv_package=python$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv
    if [[ $(id -u) -eq 0 ]]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$venv_package" >/dev/null
    else
      echo "Python's venv module is missing: sudo apt-get install $venv_package" >&2
      exit 1
    fi
  fi
  "$python" -m venv .venv
fi
# Reinstall only when pyproject.toml changed since the last install.
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [[ ! -f $stamp ]]; then
  echo "Installing policy-checker into .venv (log: .venv/pip.log)"
  if ! { .venv/bin/python -m pip install --upgrade pip \
         && .venv/bin/python -m pip install -e '.[test,dev]'; } >.venv/pip.log 2>&1; then
    tail -n 30 .venv/pip.log >&2
    echo "Installing the project failed; the whole log is in .venv/pip.log" >&2
    exit 1
  fi
  rm -f .venv/.installed-* && touch "$stamp"
fi
# The interface translations: compiled from i18n/*.ts (Qt Linguist sources) on every run.
scripts/build-translations

if ((start_app)); then
  if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    echo "No display: starting policy-checker on a virtual screen (Xvfb)."
    exec xvfb-run -a .venv/bin/policy-checker
  fi
  exec .venv/bin/policy-checker
fi

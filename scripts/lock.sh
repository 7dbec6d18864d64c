#!/bin/sh
# Write the hash-pinned locks from pyproject.toml with pip-tools' pip-compile:
#
#   requirements.lock      every runtime package ([project] dependencies), pinned, with hashes
#   requirements-dev.lock  the same plus the dev tools ([project.optional-dependencies] dev),
#                          constrained to the runtime pins, with hashes
#   requirements-pip.lock  pip itself (from the dev lock), installed first
#
# `make install` installs the three with --require-hashes (and requirements-model.txt, the spaCy
# pipeline, pinned by hand). To add a dependency: add it to pyproject.toml, run
#
#   scripts/lock.sh              # keeps every pin that still fits; adds and pins what is new
#   scripts/lock.sh --upgrade    # or: moves every pin to the newest release that fits
#   scripts/lock.sh --upgrade-package NAME   # or: moves one package only
#
# then `make install` (the Makefile re-installs when a lock changes) and commit the locks.
# After merging branches that each added dependencies, resolve pyproject.toml by hand, take
# either side of the locks (`git checkout --theirs requirements*.lock`), and re-run this
# script: it re-pins from the merged pyproject.toml. Needs pip-tools (in the dev lock) and
# PyPI; takes a few minutes (it fetches the hash of every wheel of every pinned release).
set -eu
cd "$(dirname "$0")/.."
PIP_COMPILE=${PIP_COMPILE:-.venv/bin/pip-compile}
# Extras stay in the locks (lxml[html-clean]): pip's --require-hashes mode refuses a dependency
# asking for an extra that the lock names without it. A constraints file may not name extras,
# so the dev lock is constrained by a copy of the runtime lock without them.
COMMON="--quiet --generate-hashes --no-strip-extras --allow-unsafe --no-emit-index-url
  --no-emit-find-links --resolver=backtracking"
export CUSTOM_COMPILE_COMMAND="scripts/lock.sh"
PINS=$(mktemp --suffix=.txt)
trap 'rm -f "$PINS"' EXIT

# shellcheck disable=SC2086
"$PIP_COMPILE" $COMMON "$@" --output-file requirements.lock pyproject.toml
sed 's/^\([A-Za-z0-9._-]*\)\[[^]]*\]==/\1==/' requirements.lock > "$PINS"
# shellcheck disable=SC2086
"$PIP_COMPILE" $COMMON "$@" --extra dev --constraint "$PINS" \
    --output-file requirements-dev.lock pyproject.toml
# pip itself, pinned and hashed, installed first: the pip a new venv comes with may be too old
# to install a lock with extras in --require-hashes mode.
{
    echo "# pip, pinned with its hashes: written by scripts/lock.sh from requirements-dev.lock"
    awk '/^pip==/{p=1} p&&!/^ *#/{print} p&&!/\\$/{exit}' requirements-dev.lock
} > requirements-pip.lock
echo "scripts/lock.sh: wrote requirements.lock, requirements-dev.lock and requirements-pip.lock"

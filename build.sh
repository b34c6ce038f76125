#!/usr/bin/env bash
# Builds the bundled course in content/ into output/.
set -euo pipefail
cd "$(dirname "$0")"
dotnet run --project src/CourseBuilder.Cli -c Release -- build "$@"

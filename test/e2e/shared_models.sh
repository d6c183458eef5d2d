#!/usr/bin/env sh
# Runs dlc test, without --shape, on the graphs PyTorch 2's dynamo exporter
# wrote into ../shared/models (outside the repository). Exits 77 (ctest:
# skipped, not passed) where that directory is absent.
# usage: shared_models.sh DLC SHARED_MODELS_DIR
dlc=$1 dir=$2
if [ ! -d "$dir" ]; then
  echo "skipped: $dir is absent"
  exit 77
fi
exec "$dlc" test "$dir"/*/

# -*- Python -*-
# lit configuration for dlc's FileCheck tests (test/**/*.mlir, *.test).
import os

import lit.formats

config.name = "dlc"
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".mlir", ".test"]
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in",
                   "unit", "e2e", "Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.dlc_binary_dir, "test")

# dlc's tools first, then LLVM's FileCheck, not, split-file.
path = [config.dlc_tools_dir, config.llvm_tools_dir, config.environment["PATH"]]
config.environment["PATH"] = os.pathsep.join(path)
config.substitutions.append(("%models", os.path.join(config.dlc_source_dir, "models")))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))

# Helpers shared by dlc's libraries and tools.

# All compiler libraries link the shared MLIR and LLVM dylibs (fast links on
# 2-core machines); never mix them with the static component libraries.
set(DLC_MLIR_LIBS MLIR LLVM)

# dlc_add_library(name SOURCES... [DEPENDS targets...] [LINK libs...])
function(dlc_add_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LINK" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  target_compile_options(${name} PRIVATE -Wall -Wextra -Wno-unused-parameter
                                         -fno-rtti)
  if(ARG_DEPENDS)
    add_dependencies(${name} ${ARG_DEPENDS})
  endif()
  target_link_libraries(${name} PUBLIC ${ARG_LINK} ${DLC_MLIR_LIBS})
endfunction()

# Helpers shared by dlc's libraries and tools.

# All compiler libraries link the shared MLIR and LLVM dylibs (fast links on
# 2-core machines); never mix them with the static component libraries.
set(DLC_MLIR_LIBS MLIR LLVM)

# dlc_add_library(name SOURCES... [NO_MLIR] [DEPENDS targets...]
#                 [LINK libs...])
# NO_MLIR: the library uses LLVM Support but no MLIR, and links only LLVM.
function(dlc_add_library name)
  cmake_parse_arguments(ARG "NO_MLIR" "" "DEPENDS;LINK" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  target_compile_options(${name} PRIVATE -Wall -Wextra -Wno-unused-parameter
                                         -fno-rtti)
  if(ARG_DEPENDS)
    add_dependencies(${name} ${ARG_DEPENDS})
  endif()
  if(ARG_NO_MLIR)
    target_link_libraries(${name} PUBLIC ${ARG_LINK} LLVM)
  else()
    target_link_libraries(${name} PUBLIC ${ARG_LINK} ${DLC_MLIR_LIBS})
  endif()
endfunction()

# Checks the dynamic symbol table of a model .so:
#   cmake -DNM=nm -DREADELF=readelf -DLIB=model.so -P check_exports.cmake
# - the exported (defined, global) symbols are exactly the DLC_API functions
#   of include/dlc/runtime/dlc_runtime.h;
# - every needed library is libc, libm or libpthread (or the loader).
file(READ ${CMAKE_CURRENT_LIST_DIR}/../../include/dlc/runtime/dlc_runtime.h
  header)
string(REGEX MATCHALL "DLC_API[^;(]*[ *]dlc_[a-z0-9_]+\\(" declarations
  "${header}")
set(public "")
foreach(declaration IN LISTS declarations)
  string(REGEX MATCH "dlc_[a-z0-9_]+\\($" name "${declaration}")
  string(REPLACE "(" "" name "${name}")
  list(APPEND public "${name}")
endforeach()
list(LENGTH public count)
if(count LESS 20)
  message(FATAL_ERROR "found only ${count} DLC_API functions in dlc_runtime.h")
endif()

execute_process(COMMAND ${NM} -D --defined-only --format=posix ${LIB}
  OUTPUT_VARIABLE defined RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIB}")
endif()
string(REPLACE "\n" ";" lines "${defined}")
set(seen "")
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  string(REGEX MATCH "^[^ ]+" name "${line}")
  list(FIND public "${name}" index)
  if(index EQUAL -1)
    message(FATAL_ERROR "${LIB} exports an unexpected symbol: ${line}")
  endif()
  list(APPEND seen "${name}")
endforeach()
foreach(name IN LISTS public)
  list(FIND seen "${name}" index)
  if(index EQUAL -1)
    message(FATAL_ERROR "${LIB} does not export ${name}")
  endif()
endforeach()

execute_process(COMMAND ${READELF} -d ${LIB}
  OUTPUT_VARIABLE dynamic RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${READELF} failed on ${LIB}")
endif()
string(REGEX MATCHALL "Shared library: \\[[^]]+\\]" needed "${dynamic}")
foreach(entry IN LISTS needed)
  string(REGEX REPLACE "Shared library: \\[([^]]+)\\]" "\\1" lib "${entry}")
  if(NOT lib MATCHES "^(libc|libm|libpthread|ld-linux[-a-z0-9_]*)\\.so")
    message(FATAL_ERROR "${LIB} needs ${lib}; only libc, libm and "
                        "libpthread are allowed")
  endif()
endforeach()
message(STATUS "${LIB}: exports and dependencies OK")

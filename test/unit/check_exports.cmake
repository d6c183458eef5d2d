# Checks the dynamic symbol table of a model .so:
#   cmake -DNM=nm -DREADELF=readelf -DLIB=model.so -P check_exports.cmake
# - every exported (defined, global) symbol is one of the public dlc_*
#   functions of dlc_runtime.h;
# - every needed library is libc, libm or libpthread (or the loader).
set(public
  dlc_model_open dlc_model_close dlc_model_num_inputs dlc_model_num_outputs
  dlc_model_input_info dlc_model_output_info dlc_model_run
  dlc_runtime_version dlc_status_string dlc_runtime_release_thread_cache)

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

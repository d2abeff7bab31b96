# ctest driver (cmake -P): installs the build tree into a fresh temporary
# prefix, configures and builds tests/package/consumer against it, runs the
# consumer and checks what it prints. Variables: BINARY_DIR (the chaintrace
# build tree), SOURCE_DIR (its source tree), CONSUMER_FLAGS (compile and
# link flags for the consumer, e.g. sanitizers).
string(RANDOM LENGTH 8 suffix)
set(tmp "$ENV{TMPDIR}")
if(NOT tmp)
  set(tmp /tmp)
endif()
set(work "${tmp}/chaintrace_package_${suffix}")
file(MAKE_DIRECTORY "${work}")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BINARY_DIR}" --prefix "${work}/prefix")
foreach(f lib/cmake/chaintrace/chaintraceConfig.cmake
          lib/cmake/chaintrace/chaintraceConfigVersion.cmake
          include/model/ledger.h include/model/version.h
          include/proto/ledger.pb.h include/sim/io/export.h
          lib/libchaintrace_sim.a)
  if(NOT EXISTS "${work}/prefix/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/package/consumer"
    -B "${work}/build" -DCMAKE_BUILD_TYPE=Release
    "-DCMAKE_PREFIX_PATH=${work}/prefix"
    "-DCMAKE_CXX_FLAGS=${CONSUMER_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${CONSUMER_FLAGS}")
run(${CMAKE_COMMAND} --build "${work}/build")
run("${work}/build/consumer"
    "${SOURCE_DIR}/scenarios/un2022_three_exchanges.textproto"
    "${SOURCE_DIR}/tests/model/testdata/peel.textproto"
    "${work}/peel.json")
foreach(expected "scenario un2022_three_exchanges: valid, 3 attacks"
                 "simulated: 12 thefts" "addresses from 12 seeds"
                 "ledger: 5 transactions, conserved" "tracers: "
                 "exported 5 transactions")
  string(FIND "${run_output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "consumer output lacks '${expected}':\n${run_output}")
  endif()
endforeach()
message(STATUS "consumer:\n${run_output}")
file(REMOVE_RECURSE "${work}")

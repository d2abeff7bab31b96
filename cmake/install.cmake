# `cmake --install` rules: headers, the static libraries, the chaintrace
# executable and a CMake package, so that another project can
#   find_package(chaintrace 0.1 REQUIRED)
#   target_link_libraries(app PRIVATE chaintrace::sim)
# Layout under the prefix:
#   include/model/*.h, include/sim/<part>/*.h  (sources' own paths)
#   include/proto/*.pb.h, include/model/version.h  (generated)
#   lib/libchaintrace_{proto,model,sim}.a
#   lib/cmake/chaintrace/chaintraceConfig.cmake (+ Version, Targets)
#   bin/chaintrace
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set_target_properties(chaintrace_proto PROPERTIES EXPORT_NAME proto)
set_target_properties(chaintrace_model PROPERTIES EXPORT_NAME model)
set_target_properties(chaintrace_sim PROPERTIES EXPORT_NAME sim)

install(TARGETS chaintrace_proto chaintrace_model chaintrace_sim
  EXPORT chaintraceTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS chaintrace RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/model/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/model FILES_MATCHING PATTERN "*.h")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/sim/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/sim FILES_MATCHING PATTERN "*.h")
install(FILES ${CMAKE_BINARY_DIR}/generated/model/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/model)
install(DIRECTORY ${CMAKE_BINARY_DIR}/proto/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/proto FILES_MATCHING PATTERN "*.pb.h"
  PATTERN "CMakeFiles" EXCLUDE)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/proto/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/chaintrace/proto
  FILES_MATCHING PATTERN "*.proto")

set(CHAINTRACE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/chaintrace)
install(EXPORT chaintraceTargets NAMESPACE chaintrace::
  DESTINATION ${CHAINTRACE_CMAKE_DIR})
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/chaintraceConfig.cmake.in
  ${CMAKE_BINARY_DIR}/chaintraceConfig.cmake
  INSTALL_DESTINATION ${CHAINTRACE_CMAKE_DIR})
write_basic_package_version_file(
  ${CMAKE_BINARY_DIR}/chaintraceConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/chaintraceConfig.cmake
  ${CMAKE_BINARY_DIR}/chaintraceConfigVersion.cmake
  DESTINATION ${CHAINTRACE_CMAKE_DIR})

# Consumers compile chaintrace's headers, which need C++20.
target_compile_features(chaintrace_model PUBLIC cxx_std_20)

# vigil_add_plugin(<name> SOURCES <src>... [LINK <target>...])
#
# Builds a Vigil plugin: a MODULE library `<name>.so` linked to vigil::sdk,
# with hidden visibility so that only the entry symbol is exported. Inside the
# Vigil tree it lands in build/lib/vigil/plugins (VIGIL_PLUGIN_OUTPUT_DIR),
# where build/bin/vigil finds it; out of tree in the current binary folder.
# `install` puts it into <prefix>/lib/vigil/plugins.
function(vigil_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "NO_INSTALL" "OUTPUT_DIRECTORY" "SOURCES;LINK")
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "vigil_add_plugin(${name}): SOURCES is required")
  endif()
  add_library(${name} MODULE ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE vigil::sdk ${arg_LINK})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    CXX_STANDARD 20
    CXX_STANDARD_REQUIRED ON)
  if(arg_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${arg_OUTPUT_DIRECTORY}")
  elseif(DEFINED VIGIL_PLUGIN_OUTPUT_DIR)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${VIGIL_PLUGIN_OUTPUT_DIR}")
  endif()
  if(NOT arg_NO_INSTALL AND (NOT DEFINED VIGIL_INSTALL OR VIGIL_INSTALL))
    install(TARGETS ${name} LIBRARY DESTINATION "lib/vigil/plugins")
  endif()
endfunction()

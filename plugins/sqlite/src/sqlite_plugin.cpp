// Plugin entry of vigil_sqlite.so.
#include <vigil/sdk.hpp>

#include "sqlite_sink.hpp"

#ifndef VIGIL_SQLITE_VERSION
#define VIGIL_SQLITE_VERSION "0.1.0"
#endif

namespace {

void register_components(vigil::sdk::Registry& r) {
  vigil::sdk::ComponentSpec spec{"vigil.sqlite",
                                 "Writes documents, entities, topics and evidence to an SQLite database"};
  spec.params = vigil::sqlite::sqlite_sink_params();
  r.add_sink(spec, &vigil::sqlite::make_sqlite_sink);
}

}  // namespace

VIGIL_PLUGIN("vigil-sqlite", VIGIL_SQLITE_VERSION, "SQLite writer", "Apache-2.0", register_components)

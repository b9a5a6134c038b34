// Sink `vigil.sqlite`: documents, entities, topics and evidence in an SQLite
// database (schema in schema.hpp and README.md).
#pragma once

#include <memory>
#include <vector>
#include <vigil/sdk.hpp>

namespace vigil::sqlite {

std::vector<sdk::ParamSpec> sqlite_sink_params();
std::unique_ptr<sdk::Sink> make_sqlite_sink(const sdk::CreateContext& ctx);

}  // namespace vigil::sqlite

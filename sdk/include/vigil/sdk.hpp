// Everything a plugin author needs: #include <vigil/sdk.hpp>
#pragma once

#include "vigil/sdk/component.hpp"
#include "vigil/sdk/document.hpp"
#include "vigil/sdk/params.hpp"
#include "vigil/sdk/plugin.hpp"
#include "vigil/sdk/text.hpp"
#include "vigil/sdk/version.hpp"

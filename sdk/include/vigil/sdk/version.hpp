// Versioning of the plugin contract.
#pragma once

#include <cstdint>

#define VIGIL_SDK_VERSION_MAJOR 0
#define VIGIL_SDK_VERSION_MINOR 1
#define VIGIL_SDK_VERSION_PATCH 0

namespace vigil::sdk {

// The plugin API version: one integer, matched exactly by the host.
//
// Bump it whenever a change to the SDK headers could make a plugin built
// against the old headers misbehave in a new host: any change to the layout of
// PluginInfo, Document or its members, ParamValue, ComponentSpec, CreateContext,
// to the virtual functions of Source, Annotator, Sink or Registry, or to the
// meaning of an existing field. Adding a free inline helper does not bump it.
//
// History: 1 — first contract. 2 — CreateContext::run (RunInfo: host version,
// pipeline name and configuration hash).
inline constexpr std::uint32_t kApiVersion = 2;

#define VIGIL_SDK_STRINGIFY2(x) #x
#define VIGIL_SDK_STRINGIFY(x) VIGIL_SDK_STRINGIFY2(x)

// Compiler family: the C++ ABI (name mangling, exception tables) a plugin uses.
#if defined(__clang__)
#define VIGIL_SDK_ABI_COMPILER "itanium-clang"
#elif defined(__GNUC__)
#define VIGIL_SDK_ABI_COMPILER "itanium-gcc"
#elif defined(_MSC_VER)
#define VIGIL_SDK_ABI_COMPILER "msvc"
#else
#define VIGIL_SDK_ABI_COMPILER "unknown"
#endif

// Standard library and, for libstdc++, its dual std::string ABI: the SDK
// passes std::string, std::vector and std::unique_ptr across the boundary.
#if defined(_LIBCPP_VERSION)
#define VIGIL_SDK_ABI_STDLIB "libc++"
#elif defined(__GLIBCXX__)
#if _GLIBCXX_USE_CXX11_ABI
#define VIGIL_SDK_ABI_STDLIB "libstdc++-cxx11"
#else
#define VIGIL_SDK_ABI_STDLIB "libstdc++-cow"
#endif
#else
#define VIGIL_SDK_ABI_STDLIB "unknown-stdlib"
#endif

// The ABI tag a plugin is compiled with; the host refuses a plugin whose tag
// differs from its own. Example: "itanium-gcc/libstdc++-cxx11/sdk0".
#define VIGIL_SDK_ABI_TAG \
  VIGIL_SDK_ABI_COMPILER "/" VIGIL_SDK_ABI_STDLIB "/sdk" VIGIL_SDK_STRINGIFY(VIGIL_SDK_VERSION_MAJOR)

inline constexpr const char* kAbiTag = VIGIL_SDK_ABI_TAG;

}  // namespace vigil::sdk

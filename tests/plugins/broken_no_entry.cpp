// A shared library that is not a Vigil plugin: it has no entry symbol.
extern "C" __attribute__((visibility("default"))) int vigil_test_not_a_plugin() { return 42; }

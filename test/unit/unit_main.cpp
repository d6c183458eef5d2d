//===- unit_main.cpp - doctest main for dlcrt-unit-tests ------------------===//
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

// The compute stage: Content -> Derived. Pure: reads the model, reports
// nothing (validation already did), allocates the derived figures once.
#pragma once

#include "compute/derived.h"
#include "model/content.h"

namespace gk {

// Department-years are computed on up to `jobs` threads, each into its own
// slot, so the result does not depend on it.
Derived compute(const Content& content, unsigned jobs = 1);

}  // namespace gk

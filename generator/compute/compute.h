// The compute stage: Content -> Derived. Pure: reads the model, reports
// nothing (validation already did), allocates the derived figures once.
#pragma once

#include "compute/derived.h"
#include "model/content.h"

namespace gk {

Derived compute(const Content& content);

}  // namespace gk

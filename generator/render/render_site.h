// The render stage: model + derived figures + theme -> every page of the
// portal, its assets and its open data, handed to the sink as produced.
#pragma once

#include "compute/derived.h"
#include "diag/diagnostics.h"
#include "model/content.h"
#include "model/theme.h"
#include "render/output.h"

namespace gk {

// Reports template and label problems (a template asking for a value no
// page provides, a missing label) as errors: the build must then fail.
void render_site(const Content& content, const Derived& derived, const Theme& theme, OutputSink& sink,
                 Diagnostics& diagnostics);

}  // namespace gk

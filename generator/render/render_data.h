// The open-data outputs: per department-year JSON, per year CSV, all.json.
#pragma once

#include "compute/derived.h"
#include "model/content.h"
#include "render/output.h"
#include "render/output_reuse.h"

namespace gk {

// Each file is taken from the previous output instead when `reuse` offers
// it (none of them shows a narrative).
void render_data(const Content& content, const Derived& derived, OutputSink& sink, OutputReuse* reuse = nullptr);

// data/all.json: the site and every department-year.
std::string all_json(const Content& content, const Derived& derived);

}  // namespace gk

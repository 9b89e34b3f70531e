// The open-data outputs: per department-year JSON, per year CSV, all.json.
#pragma once

#include "compute/derived.h"
#include "model/content.h"
#include "render/output.h"

namespace gk {

void render_data(const Content& content, const Derived& derived, OutputSink& sink);

// data/all.json: the site and every department-year.
std::string all_json(const Content& content, const Derived& derived);

}  // namespace gk
